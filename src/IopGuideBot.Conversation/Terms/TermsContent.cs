using IopGuideBot.Conversation.Content;
using YamlDotNet.RepresentationModel;

namespace IopGuideBot.Conversation.Terms;

/// <summary>A word the bot may use, the ways people say it, and what it means in plain words.</summary>
public sealed record Term(string Id, IReadOnlyList<string> Names, Located<string> Text, int Line);

/// <summary>
/// <c>terms.yaml</c>, and how to tell that a message asks what one of them means ("what does medically supervised
/// withdrawal mean", "what's a day program?", "residential?") rather than using the word in an answer ("detox").
/// </summary>
public sealed class TermsContent(IReadOnlyList<Term> terms)
{
    // Words that may stand around a term in a question about its meaning, and nothing else.
    private static readonly HashSet<string> MeaningWords = new(StringComparer.Ordinal)
    {
        "what", "whats", "is", "are", "does", "do", "mean", "means", "meaning", "by", "you", "the", "a", "an", "of", "explain",
        "define", "definition", "exactly", "again", "please", "that", "this", "sorry", "hmm", "wait", "so", "i", "dont", "know",
        "understand", "it", "term", "word", "can", "could", "me", "tell", "about", "bit", "more", "like", "um", "uh", "ok", "okay",
        "mean?", "sure", "not", "im", "whats", "thing", "say", "said", "when",
    };

    private static readonly HashSet<string> AskingWords = new(StringComparer.Ordinal)
    {
        "what", "whats", "mean", "means", "meaning", "explain", "define", "definition",
    };

    public IReadOnlyList<Term> All { get; } = terms;

    /// <summary>The term a message asks about, or null.</summary>
    public Term? AskedAbout(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        var padded = $" {normalized} ";
        var found = All
            .SelectMany(t => t.Names.Select(n => (Term: t, Name: TextNormalizer.Normalize(n))))
            .Where(x => x.Name.Length > 0 && padded.Contains($" {x.Name} ", StringComparison.Ordinal))
            .OrderByDescending(x => x.Name.Length)
            .FirstOrDefault();
        if (found.Term is null)
        {
            return null;
        }

        var rest = padded.Replace($" {found.Name} ", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var asks = rest.Any(AskingWords.Contains) || (text!.TrimEnd().EndsWith('?') && rest.Length <= 2);
        return asks && rest.All(MeaningWords.Contains) ? found.Term : null;
    }
}

public sealed class TermsSection : ContentSection<TermsContent>
{
    public override string FileName => "terms.yaml";

    protected override TermsContent? Read(YamlNode root, ContentReader reader)
    {
        var list = reader.AsSequence(root, "terms.yaml (a list of terms)");
        if (list is null)
        {
            return null;
        }

        var terms = new List<Term>();
        foreach (var item in list.Children)
        {
            if (reader.AsMapping(item, "a term") is not { } map)
            {
                continue;
            }

            reader.AllowOnly(map, "a term", "id", "names", "text");
            var id = reader.RequiredString(map, "id", "a term");
            var names = reader.StringList(map, "names", $"term '{id?.Value}'", required: true);
            var text = reader.RequiredString(map, "text", $"term '{id?.Value}'");
            if (id is not null && text is not null && names.Count > 0)
            {
                terms.Add(new Term(id.Value, [.. names.Select(n => n.Value)], text, ContentReader.LineOf(map)));
            }
        }

        return new TermsContent(terms);
    }

    protected override void Validate(TermsContent model, ContentValidationContext context)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var term in model.All)
        {
            context.CheckPlaceholders(FileName, term.Text);
            foreach (var name in term.Names.Select(TextNormalizer.Normalize))
            {
                if (!owners.TryAdd(name, term.Id) && owners[name] != term.Id)
                {
                    context.Error(FileName, term.Line, $"the name '{name}' belongs to two terms ('{owners[name]}' and '{term.Id}')");
                }
            }
        }

        foreach (var duplicate in model.All.GroupBy(t => t.Id).Where(g => g.Count() > 1))
        {
            context.Error(FileName, duplicate.Last().Line, $"duplicate term id '{duplicate.Key}'");
        }
    }
}
