using System.Globalization;
using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation.Semantics;
using IopGuideBot.Conversation.Understanding;

namespace IopGuideBot.Benchmarks;

/// <summary>
/// How the cascade's thresholds were chosen: every question of the team's development set
/// (<c>tests/IopGuideBot.Conversation.Tests/Understanding/topics-dev.tsv</c>) and a 5-fold cross-validation over the
/// content's own examples (each fold taught the other four) is scored once by both matchers, then every combination of
/// thresholds is replayed through <see cref="MessageUnderstanding.Decide"/>. It prints the best settings whose
/// confident-but-wrong rate stays within 3 % on both, and the figures of the configured defaults.
/// Run: dotnet run -c Release --project tests/IopGuideBot.Benchmarks -- --calibrate (add --cv for the cross-validation;
/// CALIBRATE_L2=0.0001 to try another regularisation of the meaning classifier)
/// </summary>
internal static class UnderstandingCalibration
{
    private const string Fallback = "none";

    public static void Run(bool crossValidate)
    {
        var l2 = float.Parse(Environment.GetEnvironmentVariable("CALIBRATE_L2") ?? MeaningClassifier.L2Regularization.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        Console.WriteLine($"meaning classifier L2 {l2}");
        var root = RepositoryRoot();
        var content = ContentLoader.Load(Path.Combine(root, "dialogs-content"));
        var examples = IntentExamples.From(content);
        using var embeddings = new SentenceEmbeddings();
        var cacheFile = Path.Combine(Path.GetTempPath(), "iopguidebot-calibration-embeddings.bin");
        var commands = new CommandMatcher(content);

        var dev = Score(Load(Path.Combine(root, "tests/IopGuideBot.Conversation.Tests/Understanding/topics-dev.tsv")), examples, embeddings, cacheFile, commands, l2);
        Console.WriteLine($"development set: {dev.Count} questions (crisis lines left to the safety layer)");

        var folds = crossValidate ? CrossValidation(examples, embeddings, commands, folds: 5, l2) : [];
        Console.WriteLine($"cross-validation: {folds.Count} examples, each scored by matchers taught the other folds");

        var defaults = new UnderstandingOptions();
        Console.WriteLine();
        Console.WriteLine("configured defaults:");
        Console.WriteLine("  dev " + Evaluate(dev, defaults, examples));
        if (folds.Count > 0)
        {
            Console.WriteLine("  cv  " + Evaluate(folds, defaults, examples));
        }

        var candidates = new List<(UnderstandingOptions Options, Figures Dev, Figures Cv)>();
        foreach (var fast in new[] { 0.9 })
        foreach (var semantic in Range(0.25, 0.5, 0.05))
        foreach (var margin in new[] { 0.1, 0.15, 0.2 })
        foreach (var minimum in new[] { 0.45, 0.5, 0.55 })
        foreach (var near in new[] { 0.75, 0.8, 0.85 })
        foreach (var nearestConfidence in new[] { 0.6, 0.65, 0.7, 0.75, 1.0 })
        foreach (var nearestMargin in new[] { 0.05, 0.08, 0.1, 0.15 })
        {
            var options = new UnderstandingOptions
            {
                FastConfidence = fast, SemanticConfidence = semantic, SemanticMargin = margin, MinimumSimilarity = minimum,
                NearParaphraseSimilarity = near, NearestConfidence = nearestConfidence, NearestMargin = nearestMargin,
            };
            candidates.Add((options, Evaluate(dev, options, examples), folds.Count > 0 ? Evaluate(folds, options, examples) : new Figures(1, 0, 0, 0, 0, 0)));
        }

        Console.WriteLine();
        Console.WriteLine("best 15 by dev right, with confident-but-wrong <= 3 % on dev (cross-validation for comparison):");
        foreach (var (options, devFigures, cvFigures) in candidates
            .Where(c => c.Dev.ConfidentWrongRate <= 0.03)
            .OrderByDescending(c => c.Dev.RightRate).ThenByDescending(c => c.Cv.RightRate).Take(15))
        {
            Console.WriteLine($"  fast {options.FastConfidence:0.00} semantic {options.SemanticConfidence:0.000} margin {options.SemanticMargin:0.00} minimum {options.MinimumSimilarity:0.00} near {options.NearParaphraseSimilarity:0.00} nearest {options.NearestConfidence:0.00}/{options.NearestMargin:0.00} " +
                $"| dev {devFigures} | cv {cvFigures}");
        }
    }

    /// <summary>Each matcher's three best intents for each text: how a decision came about.</summary>
    public static void Explain(IEnumerable<string> texts)
    {
        var root = RepositoryRoot();
        var content = ContentLoader.Load(Path.Combine(root, "dialogs-content"));
        var examples = IntentExamples.From(content);
        using var embeddings = new SentenceEmbeddings();
        var semantic = new SemanticMatcher(examples, embeddings, Path.Combine(Path.GetTempPath(), "iopguidebot-calibration-embeddings.bin"));
        semantic.StartBuilding().GetAwaiter().GetResult();
        var fast = IntentClassifier.Train(examples);
        foreach (var text in texts)
        {
            var meaning = semantic.Match(text)!;
            Console.WriteLine(text);
            Console.WriteLine("  fast:    " + Top3(fast.Classify(text)));
            Console.WriteLine("  meaning: " + Top3(meaning.Classified));
            Console.WriteLine("  nearest: " + Top3(meaning.Nearest));
            var decided = MessageUnderstanding.Decide(fast.Classify(text), meaning, InquiryFor.Unknown, new UnderstandingOptions(), examples.AudienceOf);
            Console.WriteLine($"  decided: {decided.Path} {decided.Intent?.Key ?? "-"} suggestions [{string.Join(", ", decided.Suggestions)}]");
        }

        static string Top3(IntentPrediction p) => string.Join("  ", p.Ranked.Take(3).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Intent.Key} {s.Score:0.00}")));
    }

    private sealed record Scored(string Voice, string Expected, Understanding? Fixed, IntentPrediction ByWords, MeaningPrediction ByMeaning, InquiryFor About);

    private sealed record Figures(int Count, int Right, int Fallbacks, int ConfidentWrong, int FamilyCount, int FamilyRight)
    {
        public double RightRate => (double)Right / Count;

        public double ConfidentWrongRate => (double)ConfidentWrong / Count;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"right {RightRate:P1} (family {(FamilyCount == 0 ? 0 : (double)FamilyRight / FamilyCount):P1}) fallback {(double)Fallbacks / Count:P1} wrong {ConfidentWrongRate:P1}");
    }

    private static Figures Evaluate(IReadOnlyList<Scored> rows, UnderstandingOptions options, IntentExamples examples)
    {
        int right = 0, fallbacks = 0, wrong = 0, family = 0, familyRight = 0;
        foreach (var row in rows)
        {
            var understood = row.Fixed ?? MessageUnderstanding.Decide(row.ByWords, row.ByMeaning, row.About, options, examples.AudienceOf);
            var got = understood.Intent is { } intent ? (intent.Kind == IntentKind.Topic ? intent.Id : intent.Key) : Fallback;
            var isRight = got == row.Expected;
            right += isRight ? 1 : 0;
            fallbacks += got == Fallback ? 1 : 0;
            wrong += !isRight && got != Fallback ? 1 : 0;
            if (row.Voice == "family")
            {
                family++;
                familyRight += isRight ? 1 : 0;
            }
        }

        return new Figures(rows.Count, right, fallbacks, wrong, family, familyRight);
    }

    private static List<Scored> Score(IEnumerable<(string Voice, string Expected, string Text)> rows, IntentExamples examples, SentenceEmbeddings embeddings, string? cacheFile, CommandMatcher commands, float l2)
    {
        var fast = IntentClassifier.Train(examples);
        var semantic = new SemanticMatcher(examples, embeddings, cacheFile) { L2Regularization = l2 };
        semantic.StartBuilding().GetAwaiter().GetResult();
        var scored = new List<Scored>();
        foreach (var (voice, expected, text) in rows)
        {
            Understanding? fixedAnswer = commands.MatchLabel(text) is { } label
                ? new Understanding(UnderstandingPath.ButtonLabel, label.Kind == ActionKind.Topic ? Intent.Topic(label.Id) : Intent.Command(label.Id), 1f, [])
                : commands.MatchCommand(text, globalOnly: false) is { } command
                    ? new Understanding(UnderstandingPath.CommandPhrase, Intent.Command(command.Id), 1f, [])
                    : null;
            // Each question is the first of its conversation: nothing earlier says who it is about.
            scored.Add(new Scored(voice, expected, fixedAnswer, fast.Classify(text), semantic.Match(text)!, InquiryFor.Unknown));
        }

        return scored;
    }

    private static List<Scored> CrossValidation(IntentExamples examples, SentenceEmbeddings embeddings, CommandMatcher commands, int folds, float l2)
    {
        var all = new List<Scored>();
        var numbered = examples.All.Select((e, i) => (e.Intent, e.Text, Fold: i % folds)).ToList();
        for (var fold = 0; fold < folds; fold++)
        {
            var taught = IntentExamples.From(numbered.Where(e => e.Fold != fold).Select(e => (e.Intent, e.Text)));
            var heldOut = numbered.Where(e => e.Fold == fold)
                .Select(e => (Voice: IopGuideBot.Conversation.ConversationContext.MentionsLovedOne(e.Text) ? "family" : "patient",
                    Expected: e.Intent.Kind == IntentKind.Topic ? e.Intent.Id : e.Intent.Key, e.Text));
            all.AddRange(Score(heldOut, taught, embeddings, cacheFile: null, commands, l2)); // vectors come from the model's memory cache
        }

        return all;
    }

    private static IEnumerable<(string Voice, string Expected, string Text)> Load(string path) =>
        File.ReadLines(path)
            .Where(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith('#'))
            .Select(l => l.Split('\t', 3))
            .Where(p => p[1] != "crisis")
            .Select(p => (p[0], p[1], p[2]));

    private static IEnumerable<double> Range(double from, double to, double step)
    {
        for (var value = from; value <= to + 1e-9; value += step)
        {
            yield return Math.Round(value, 3);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "dialogs-content")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("dialogs-content (run from the repository)");
    }
}
