using System.Globalization;
using IopGuideBot.Conversation.Content;
using YamlDotNet.RepresentationModel;

namespace IopGuideBot.Conversation.Questions;

/// <summary>Reads and checks questions written in content (the same format in every file that has them).</summary>
internal static class QuestionYaml
{
    public static readonly string[] Keys =
    [
        "id", "kind", "text", "text_family", "choices", "skippable", "min", "max", "yes", "no", "yes_label", "no_label",
        "ask_back", "number_words", "retry",
    ];

    public static List<GuidedQuestion> ReadList(YamlNode? node, string key, ContentReader reader)
    {
        var list = new List<GuidedQuestion>();
        if (node is null || reader.AsSequence(node, $"'{key}'") is not { } seq)
        {
            return list;
        }

        foreach (var item in seq.Children)
        {
            if (reader.AsMapping(item, $"an item of '{key}'") is { } map && Read(map, reader) is { } question)
            {
                list.Add(question);
            }
        }

        return list;
    }

    public static GuidedQuestion? Read(YamlMappingNode q, ContentReader reader)
    {
        reader.AllowOnly(q, "a question", Keys);
        var id = reader.RequiredString(q, "id", "a question");
        var what = $"question '{id?.Value}'";
        var kindText = reader.RequiredString(q, "kind", what);
        var text = reader.RequiredString(q, "text", what);
        var textFamily = reader.OptionalString(q, "text_family", what);
        QuestionKind kind = default;
        var kindName = kindText?.Value.Replace("_", string.Empty, StringComparison.Ordinal);
        if (kindText is not null && !Enum.TryParse(kindName, ignoreCase: true, out kind))
        {
            reader.Error(kindText.Line, $"unknown kind '{kindText.Value}' in {what} (expected one of: {string.Join(", ", KindNames())})");
            return null;
        }

        var choices = new List<QuestionChoice>();
        if (reader.Optional(q, "choices") is { } choicesNode && reader.AsSequence(choicesNode, $"'choices' in {what}") is { } cs)
        {
            foreach (var c in cs.Children)
            {
                if (reader.AsMapping(c, $"a choice of {what}") is not { } cm)
                {
                    continue;
                }

                reader.AllowOnly(cm, $"a choice of {what}", "id", "label", "synonyms", "from_times_a_year", "beats", "when_negated");
                var cid = reader.RequiredString(cm, "id", $"a choice of {what}");
                var label = reader.RequiredString(cm, "label", $"a choice of {what}");
                var synonyms = reader.StringList(cm, "synonyms", $"a choice of {what}", required: false);
                var from = ReadInt(cm, "from_times_a_year", $"a choice of {what}", reader);
                var beats = reader.StringList(cm, "beats", $"a choice of {what}", required: false);
                var whenNegated = reader.OptionalString(cm, "when_negated", $"a choice of {what}");
                if (cid is not null && label is not null)
                {
                    choices.Add(new QuestionChoice(cid.Value, label.Value, [.. synonyms.Select(s => s.Value)], from, beats.Count > 0 ? [.. beats.Select(b => b.Value)] : null, whenNegated?.Value));
                }
            }
        }

        if (kind is QuestionKind.Choice or QuestionKind.Multi or QuestionKind.Frequency or QuestionKind.ContactMethod && choices.Count == 0)
        {
            reader.Error(q, $"{what} of kind {kindText?.Value} needs 'choices'");
        }

        var askBack = new List<AskBack>();
        if (reader.Optional(q, "ask_back") is { } askNode && reader.AsSequence(askNode, $"'ask_back' in {what}") is { } asks)
        {
            foreach (var a in asks.Children)
            {
                if (reader.AsMapping(a, $"an item of 'ask_back' in {what}") is { } am)
                {
                    reader.AllowOnly(am, $"an item of 'ask_back' in {what}", "phrases", "between");
                    var phrases = reader.StringList(am, "phrases", $"'ask_back' in {what}", required: true);
                    var between = reader.StringList(am, "between", $"'ask_back' in {what}", required: true);
                    if (between.Count < 2)
                    {
                        reader.Error(am, $"'between' in 'ask_back' of {what} needs at least two choice ids");
                    }

                    askBack.Add(new AskBack([.. phrases.Select(p => p.Value)], [.. between.Select(b => b.Value)]) { });
                }
            }
        }

        var numberWords = new List<NumberWords>();
        if (reader.Optional(q, "number_words") is { } wordsNode && reader.AsSequence(wordsNode, $"'number_words' in {what}") is { } words)
        {
            foreach (var w in words.Children)
            {
                if (reader.AsMapping(w, $"an item of 'number_words' in {what}") is { } wm)
                {
                    reader.AllowOnly(wm, $"an item of 'number_words' in {what}", "value", "phrases");
                    var value = ReadInt(wm, "value", $"'number_words' in {what}", reader);
                    var phrases = reader.StringList(wm, "phrases", $"'number_words' in {what}", required: true);
                    if (value is null)
                    {
                        reader.Error(wm, $"missing required key 'value' in 'number_words' of {what}");
                    }
                    else
                    {
                        numberWords.Add(new NumberWords(value.Value, [.. phrases.Select(p => p.Value)]));
                    }
                }
            }
        }

        var min = ReadInt(q, "min", what, reader);
        var max = ReadInt(q, "max", what, reader);
        if (kind is QuestionKind.Number && (min is null || max is null))
        {
            reader.Error(q, $"{what} of kind number needs 'min' and 'max'");
        }

        if (kind is QuestionKind.Age && min is null)
        {
            reader.Error(q, $"{what} of kind age needs 'min' (the age the question asks about)");
        }

        if (id is null || text is null)
        {
            return null;
        }

        return new GuidedQuestion
        {
            Id = id.Value,
            Kind = kind,
            Text = text,
            TextFamily = textFamily,
            Choices = choices,
            Skippable = reader.OptionalBool(q, "skippable", what) ?? true,
            Min = min,
            Max = max,
            YesPhrases = [.. reader.StringList(q, "yes", what, required: false).Select(p => p.Value)],
            NoPhrases = [.. reader.StringList(q, "no", what, required: false).Select(p => p.Value)],
            YesLabel = reader.OptionalString(q, "yes_label", what)?.Value,
            NoLabel = reader.OptionalString(q, "no_label", what)?.Value,
            AskBack = askBack,
            NumberWords = numberWords,
            Retry = reader.OptionalString(q, "retry", what),
            Line = ContentReader.LineOf(q),
        };
    }

    /// <summary>Checks what reading alone cannot: placeholders, ids that refer to choices, a frequency scale that rises.</summary>
    public static void Validate(string file, GuidedQuestion question, ContentValidationContext context, params string[] ownPlaceholders)
    {
        foreach (var text in new[] { question.Text, question.TextFamily, question.Retry }.OfType<Located<string>>())
        {
            var checkedText = text;
            foreach (var own in ownPlaceholders)
            {
                checkedText = checkedText with { Value = checkedText.Value.Replace("{" + own + "}", own, StringComparison.Ordinal) };
            }

            context.CheckPlaceholders(file, checkedText);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var choice in question.Choices.Where(c => !seen.Add(c.Id)))
        {
            context.Error(file, question.Line, $"question '{question.Id}' has two choices with id '{choice.Id}'");
        }

        var answers = question.Kind is QuestionKind.YesNo or QuestionKind.Offer or QuestionKind.Age ? ["yes", "no"] : question.Choices.Select(c => c.Id).ToList();
        foreach (var id in question.Choices.Select(c => c.WhenNegated).OfType<string>().Where(id => !answers.Contains(id)))
        {
            context.Error(file, question.Line, $"'when_negated' in question '{question.Id}' names '{id}', which is not one of its choices");
        }

        foreach (var id in question.Choices.SelectMany(c => c.Beats ?? []).Where(id => !answers.Contains(id)))
        {
            context.Error(file, question.Line, $"'beats' in question '{question.Id}' names '{id}', which is not one of its choices");
        }

        foreach (var id in question.AskBack.SelectMany(a => a.Between).Where(id => !answers.Contains(id)))
        {
            context.Error(file, question.Line, $"'ask_back' of question '{question.Id}' names '{id}', which is not one of its answers ({string.Join(", ", answers)})");
        }

        if (question.Kind == QuestionKind.Frequency)
        {
            var scale = question.Choices.Select(c => c.FromTimesAYear).ToList();
            if (scale.Any(s => s is null))
            {
                context.Error(file, question.Line, $"every choice of frequency question '{question.Id}' needs 'from_times_a_year' (0 for never)");
            }
            else if (!scale.Zip(scale.Skip(1)).All(p => p.First < p.Second))
            {
                context.Error(file, question.Line, $"the choices of frequency question '{question.Id}' must go from least to most often ('from_times_a_year' rising)");
            }
        }

        if (question.Kind == QuestionKind.Number && question.NumberWords.Any(w => w.Value < question.Min || w.Value > question.Max))
        {
            context.Error(file, question.Line, $"'number_words' of question '{question.Id}' must stay between {question.Min} and {question.Max}");
        }
    }

    private static IEnumerable<string> KindNames() =>
        Enum.GetNames<QuestionKind>().Select(n => string.Concat(n.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())));

    private static int? ReadInt(YamlMappingNode map, string key, string what, ContentReader reader)
    {
        if (reader.OptionalString(map, key, what) is not { } s)
        {
            return null;
        }

        if (int.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }

        reader.Error(s.Line, $"'{key}' in {what} must be a whole number");
        return null;
    }
}
