using System.Text;
using IopGuideBot.Conversation.Semantics;

namespace IopGuideBot.Conversation.Safety;

/// <summary>The semantic signal's verdict on one message.</summary>
/// <param name="Risk">Highest probability of risk over the message and its sentences, in [0, 1].</param>
/// <param name="Category">The most likely crisis category of the riskiest part.</param>
/// <param name="IsRisky">Risk reached the model's threshold.</param>
public readonly record struct SemanticJudgement(float Risk, CrisisCategory Category, bool IsRisky)
{
    public static SemanticJudgement NotRun => new(0, CrisisCategory.None, false);
}

/// <summary>A learned signal that judges what a message means rather than which words it uses.</summary>
public interface ICrisisSemanticSignal
{
    /// <summary>Judges the checked parts of one message (see <see cref="CrisisDetector.CheckedParts"/>).</summary>
    SemanticJudgement Judge(IReadOnlyList<string> parts);
}

/// <summary>
/// The learned signal: each checked part of a message, and each of its sentences, is scored by the crisis encoder
/// (<see cref="CrisisEncoder"/>, MiniLM tuned on the crisis corpus) and/or by the committed <see cref="CrisisSemanticModel"/>
/// over the shared <see cref="SentenceEmbeddings"/>, weighted as <see cref="CrisisEncoderBlend"/> says; any piece at or above
/// the threshold makes the message risky. Sentences count on their own because risk often hides in one clause of an
/// ordinary question ("how long is the program? not that it matters, I have the pills saved"). A piece framed as a
/// question about a topic, as history or as a denial (<see cref="CrisisFrame"/>, from the lexicon's markers) — or any piece
/// of a message framed as history or denial — must reach the higher framed threshold. Thread-safe.
/// </summary>
public sealed class CrisisSemanticSignal : ICrisisSemanticSignal
{
    private readonly SentenceEmbeddings _embeddings;
    private readonly CrisisEncoder? _encoder;
    private readonly float _encoderWeight;
    private readonly float? _modelAloneThreshold;

    /// <summary>The signal over the shared embeddings and the committed model alone (no tuned encoder).</summary>
    public CrisisSemanticSignal(SentenceEmbeddings embeddings, CrisisSemanticModel model)
        : this(embeddings, model, encoder: null, blend: null)
    {
    }

    /// <summary>The signal with the tuned encoder weighted in as <paramref name="blend"/> says (both or neither).</summary>
    public CrisisSemanticSignal(SentenceEmbeddings embeddings, CrisisSemanticModel model, CrisisEncoder? encoder, CrisisEncoderBlend? blend)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(model);
        if ((encoder is null) != (blend is null))
        {
            throw new ArgumentException("The crisis encoder and its blend come together.", nameof(blend));
        }

        _embeddings = embeddings;
        Model = model;
        _encoder = encoder;
        _encoderWeight = blend?.EncoderWeight ?? 0;
        _modelAloneThreshold = blend?.ModelAloneThreshold;
        Threshold = blend?.Threshold ?? model.Threshold;
        FramedThreshold = blend?.FramedThreshold ?? model.FramedThreshold;
        if (blend?.OrdinaryMessageBelow is { } below && blend.SentenceInOrdinaryMessageThreshold is { } sentence)
        {
            OrdinaryMessage = new OrdinaryMessageRule(below, sentence, blend.ShortSentenceInOrdinaryMessageWords ?? 0);
        }
    }

    /// <summary>The stricter threshold for a sentence of a message that reads as ordinary as a whole (null: none).</summary>
    public OrdinaryMessageRule? OrdinaryMessage { get; }

    /// <summary>The signal as the service runs it: the committed model, the tuned encoder with its adapter, and their blend.</summary>
    public static CrisisSemanticSignal LoadCommitted(SentenceEmbeddings embeddings, int intraOpThreads = 0) =>
        new(embeddings, CrisisSemanticModel.LoadEmbedded(), CrisisEncoder.LoadEmbedded(intraOpThreads), CrisisEncoderBlend.LoadEmbedded());

    public CrisisSemanticModel Model { get; }

    /// <summary>Risk at or above this counts as a crisis.</summary>
    public float Threshold { get; }

    /// <summary>Risk a framed or very short piece must reach.</summary>
    public float FramedThreshold { get; }

    /// <summary>Risk and category of each piece: the encoder's and the model's, weighted.</summary>
    public (float Risk, CrisisCategory Category)[] ScorePieces(IReadOnlyList<string> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        var tuned = _encoder?.Judge(pieces);
        if (tuned is not null && _encoderWeight >= 1)
        {
            return tuned;
        }

        var vectors = _embeddings.EmbedMany(pieces);
        var result = new (float Risk, CrisisCategory Category)[pieces.Count];
        for (var i = 0; i < pieces.Count; i++)
        {
            var (risk, category) = Model.Judge(vectors[i]);
            if (tuned is null)
            {
                result[i] = (risk, category);
                continue;
            }

            // The encoder names the category: it was tuned on the same labels and reads the words in context.
            var weighted = ((1 - _encoderWeight) * risk) + (_encoderWeight * tuned[i].Risk);
            // Where the model alone is sure, the encoder's doubt does not outvote it (CrisisEncoderBlend.ModelAloneThreshold).
            result[i] = risk >= _modelAloneThreshold && risk > weighted ? (risk, category) : (weighted, tuned[i].Category);
        }

        return result;
    }

    /// <summary>At most this many pieces are embedded per message (whole parts first, then sentences from both ends).</summary>
    public const int MaxSegments = 16;

    /// <summary>
    /// The signal's verdict on a message. Short messages people send again and again (button labels, "yes") are
    /// remembered a level up, by <see cref="CrisisDetector.Assess"/>, with the whole assessment.
    /// </summary>
    public SemanticJudgement Judge(IReadOnlyList<string> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var segments = Segments(parts);
        if (segments.Count == 0)
        {
            return SemanticJudgement.NotRun;
        }

        return Decide(parts, segments, ScorePieces(segments), Threshold, FramedThreshold, OrdinaryMessage);
    }

    /// <summary>
    /// The verdict from the pieces' scores: the riskiest piece that reaches its threshold (the framed one for a framed or
    /// very short piece). Separate from the scoring so a threshold sweep scores each piece once.
    /// </summary>
    public static SemanticJudgement Decide(IReadOnlyList<string> parts, IReadOnlyList<string> segments, IReadOnlyList<(float Risk, CrisisCategory Category)> scores, float threshold, float framedThreshold, OrdinaryMessageRule? ordinaryMessage = null)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(scores);
        // Segments lists each part whole first, then sentences; a message whose every whole part reads as ordinary asks more
        // of a sentence taken out of it (see CrisisEncoderBlend.OrdinaryMessageBelow).
        var wholes = parts.Select(p => OneRepetition(Clean(p))).Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal);
        var sentenceThreshold = threshold;
        var shortSentenceWords = 0;
        if (ordinaryMessage is { } rule && segments.Count > wholes.Count)
        {
            var ordinary = true;
            for (var i = 0; i < scores.Count && ordinary; i++)
            {
                ordinary = !wholes.Contains(segments[i]) || scores[i].Risk < rule.WholeBelow;
            }

            sentenceThreshold = ordinary ? Math.Max(threshold, rule.SentenceThreshold) : threshold;
            shortSentenceWords = ordinary ? rule.ShortSentenceWords : 0;
        }

        // History, denial and a danger word a lexicon guard ruled out ("mi mamá me va a matar si llego tarde jaja")
        // colour the whole message; a question frames only its own sentence, so risk hidden in another sentence of an
        // ordinary question still counts.
        var frames = parts.Select(CrisisDetector.FrameOf).ToList();
        var messageFramed = frames.Any(f => f.History || f.Denial || f.RuledOut);
        var messageAsks = frames.Any(f => f.InformationRequest);
        var best = (Risk: 0f, Category: CrisisCategory.None, Counts: false);
        for (var i = 0; i < scores.Count; i++)
        {
            var (risk, category) = scores[i];
            // A fragment ("blue lips? slow breathing?") belongs to the question it follows.
            // A very short piece ("call me maybe", "no", a questionnaire answer) has too little meaning to go on alone.
            var words = WordCount(segments[i]);
            var framed = messageFramed || words < MinWordsToStandAlone || CrisisDetector.FrameOf(segments[i]).IsAny || (messageAsks && words < MinWordsOnItsOwn)
                || (words < shortSentenceWords && !wholes.Contains(segments[i]));
            var counts = risk >= (framed ? framedThreshold : wholes.Contains(segments[i]) ? threshold : sentenceThreshold);
            if ((counts && !best.Counts) || (counts == best.Counts && risk > best.Risk))
            {
                best = (risk, category, counts);
            }
        }

        return new SemanticJudgement(best.Risk, best.Category, best.Counts);
    }

    /// <summary>
    /// When every whole part scores below <paramref name="WholeBelow"/>, a sentence must reach <paramref name="SentenceThreshold"/>,
    /// and a sentence of fewer than <paramref name="ShortSentenceWords"/> words the framed threshold (0: no such rule).
    /// </summary>
    public sealed record OrdinaryMessageRule(float WholeBelow, float SentenceThreshold, int ShortSentenceWords = 0);

    /// <summary>A sentence shorter than this is a fragment of the message around it, and takes on its framing.</summary>
    private const int MinWordsOnItsOwn = 5;

    /// <summary>A piece shorter than this must reach the framed threshold: the lexicon reads short explicit cues ("kms").</summary>
    private const int MinWordsToStandAlone = 4;

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The pieces of a message that are judged: each part whole, then its sentences (when there is more than one).</summary>
    public static IReadOnlyList<string> Segments(IReadOnlyList<string> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var wholes = new List<string>();
        var sentences = new List<string>();
        foreach (var part in parts)
        {
            var clean = OneRepetition(Clean(part));
            if (clean.Length == 0)
            {
                continue;
            }

            wholes.Add(clean);
            var split = SplitSentences(clean);
            if (split.Count > 1)
            {
                sentences.AddRange(split);
            }
        }

        var result = new List<string>(MaxSegments);
        foreach (var piece in wholes.Concat(FromBothEnds(sentences)))
        {
            if (result.Count == MaxSegments)
            {
                break;
            }

            if (!result.Contains(piece, StringComparer.Ordinal))
            {
                result.Add(piece);
            }
        }

        return result;
    }

    /// <summary>
    /// A text that is one run of words said over and over ("… would work for me so I have been thinking … would work for
    /// me …", pasted or held-down) as that run said once. Why: the encoder reads a repetition of an ordinary sentence as
    /// more and more intense (an ordinary 20-word sentence scored 0.14 alone and 0.59, over the threshold, four times over),
    /// and the repetition adds no meaning. Linear: the smallest period of the word sequence, by the prefix function.
    /// </summary>
    internal static string OneRepetition(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 4)
        {
            return text;
        }

        // prefix[i]: length of the longest proper prefix of words[0..i] that is also its suffix.
        var prefix = new int[words.Length];
        for (var i = 1; i < words.Length; i++)
        {
            var k = prefix[i - 1];
            while (k > 0 && !string.Equals(words[i], words[k], StringComparison.Ordinal))
            {
                k = prefix[k - 1];
            }

            prefix[i] = string.Equals(words[i], words[k], StringComparison.Ordinal) ? k + 1 : k;
        }

        // The text repeats its first `period` words at least twice (a last, partial repetition is a prefix of them).
        var period = words.Length - prefix[^1];
        return period * 2 <= words.Length ? string.Join(' ', words, 0, period) : text;
    }

    /// <summary>Lower case, characters the normaliser would refuse dropped, whitespace collapsed — fewer distinct texts, more cache hits.</summary>
    private static string Clean(string text)
    {
        var sanitized = CrisisTextNormalizer.Sanitize(text);
        var sb = new StringBuilder(sanitized.Length);
        var space = false;
        foreach (var c in sanitized)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    /// <summary>Splits at sentence ends (. ! ? ; and line breaks); pieces of fewer than three words join the next one.</summary>
    private static List<string> SplitSentences(string text)
    {
        var pieces = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] is '.' or '!' or '?' or ';' or '\n' or '…')
            {
                var piece = text[start..Math.Min(i + 1, text.Length)].Trim();
                if (piece.Length > 0)
                {
                    pieces.Add(piece);
                }

                start = i + 1;
            }
        }

        var merged = new List<string>();
        var pending = string.Empty;
        foreach (var piece in pieces)
        {
            var candidate = pending.Length == 0 ? piece : pending + " " + piece;
            if (candidate.Count(c => c == ' ') < 2)
            {
                pending = candidate;
                continue;
            }

            merged.Add(candidate);
            pending = string.Empty;
        }

        if (pending.Length > 0)
        {
            if (merged.Count > 0)
            {
                merged[^1] += " " + pending;
            }
            else
            {
                merged.Add(pending);
            }
        }

        return merged;
    }

    private static IEnumerable<string> FromBothEnds(List<string> items)
    {
        for (int i = 0, j = items.Count - 1; i <= j; i++, j--)
        {
            yield return items[i];
            if (j != i)
            {
                yield return items[j];
            }
        }
    }
}
