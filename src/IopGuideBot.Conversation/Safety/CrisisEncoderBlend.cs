using System.Security.Cryptography;
using System.Text.Json;

namespace IopGuideBot.Conversation.Safety;

/// <summary>
/// How the semantic signal uses the tuned <see cref="CrisisEncoder"/>: its weight beside the committed
/// <see cref="CrisisSemanticModel"/>, and the thresholds for the weighted risk. Committed as
/// <c>Model/crisis-encoder.json</c> beside the adapter it was measured with (its SHA-256 must match, so a new adapter is
/// never used with another adapter's thresholds); chosen by <c>--crisis-semantic-report</c> (see
/// tests/IopGuideBot.Benchmarks/results/crisis-semantic.md).
/// </summary>
public sealed record CrisisEncoderBlend
{
    private const string ResourceName = "IopGuideBot.Conversation.Safety.Model.crisis-encoder.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>SHA-256 (hex, lower case) of the adapter these settings were chosen for.</summary>
    public required string AdapterSha256 { get; init; }

    /// <summary>Share of the encoder's risk in the piece's risk (1: the encoder alone; the model is then not run).</summary>
    public required float EncoderWeight { get; init; }

    /// <summary>Risk at or above this counts as a crisis.</summary>
    public required float Threshold { get; init; }

    /// <summary>Risk a piece framed as a question, as history or as a denial, or a very short piece, must reach.</summary>
    public required float FramedThreshold { get; init; }

    /// <summary>
    /// A piece the committed model alone scores at or above this counts at the model's risk, whatever the encoder says
    /// (null: the weighted risk only). The tuned encoder is sometimes sure and wrong where the model is right ("my wrists
    /// are bleeding but I want to sign up": model 0.65, encoder under 0.01); round 12 (seen rounds r1-r10 and r12 pooled,
    /// with the lexicon, 2,736 risky lines, 2,591 benign, 3,837 topic questions): 0.8 caught 9 more risky lines for 4 more
    /// false alarms and 2 more crisis replies to topic questions, 0.75 11 for 9 and 3 (chosen: recall first, false alarms
    /// 3.4 → 3.8 %), 0.7 14 for 14 and 7.
    /// </summary>
    public float? ModelAloneThreshold { get; init; }

    /// <summary>
    /// When every whole part of a message scores below this, the message as a whole reads as ordinary, and a sentence cut
    /// out of it must reach <see cref="SentenceInOrdinaryMessageThreshold"/> to count (null: every piece has the same
    /// threshold). Why: a sentence judged alone loses the context that made it ordinary ("es para mi hermana", "i think im
    /// ready." before "how do i sign up" scored 0.72–0.81 alone, under 0.1 as the whole question), while risk hidden in an
    /// ordinary question is usually said plainly enough to score high on its own.
    /// </summary>
    public float? OrdinaryMessageBelow { get; init; }

    /// <summary>The risk a sentence needs when its message as a whole reads as ordinary (see <see cref="OrdinaryMessageBelow"/>).</summary>
    public float? SentenceInOrdinaryMessageThreshold { get; init; }

    /// <summary>
    /// In a message that reads as ordinary (see <see cref="OrdinaryMessageBelow"/>), a sentence of fewer words than this
    /// must reach <see cref="FramedThreshold"/> (null: no such rule). Why: a short sentence cut out of an ordinary question
    /// carries the least of its context ("i think im ready." before "how do i sign up", "es para mi hermana", "I'm staying
    /// in my car" before a question about housing). Round 16, seen blind rounds r1-r16 pooled (4,097 risky, 3,843 benign)
    /// and 5,529 topic questions (tools/CrisisSweep, variant=short6): risky caught unchanged (4,002), false alarms 154 ->
    /// 150, crisis replies to topic questions 65 -> 61.
    /// </summary>
    public int? ShortSentenceInOrdinaryMessageWords { get; init; }

    /// <summary>How the figures were chosen (for the reader; not used).</summary>
    public string? ChosenBy { get; init; }

    /// <summary>The settings committed with this build, checked against the committed adapter.</summary>
    public static CrisisEncoderBlend LoadEmbedded()
    {
        var assembly = typeof(CrisisEncoderBlend).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The crisis encoder settings ({ResourceName}) are not embedded.");
        var blend = JsonSerializer.Deserialize<CrisisEncoderBlend>(stream, Json)
            ?? throw new InvalidDataException("The crisis encoder settings are empty.");
        using var adapter = CrisisEncoder.OpenEmbeddedAdapter();
        var sha = Convert.ToHexStringLower(SHA256.HashData(adapter));
        if (!string.Equals(sha, blend.AdapterSha256, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"The crisis encoder settings were chosen for adapter {blend.AdapterSha256}, not the embedded {sha}: measure and commit them again.");
        }

        blend.Validate();
        return blend;
    }

    public void Validate()
    {
        if (EncoderWeight is < 0 or > 1 || Threshold is <= 0 or >= 1 || FramedThreshold < Threshold || FramedThreshold >= 1 || ModelAloneThreshold is <= 0 or > 1
            || OrdinaryMessageBelow is <= 0 or >= 1 || SentenceInOrdinaryMessageThreshold < Threshold || SentenceInOrdinaryMessageThreshold >= 1
            || OrdinaryMessageBelow.HasValue != SentenceInOrdinaryMessageThreshold.HasValue
            || ShortSentenceInOrdinaryMessageWords is < 1 or > 20 || (ShortSentenceInOrdinaryMessageWords.HasValue && !OrdinaryMessageBelow.HasValue))
        {
            throw new InvalidDataException("The crisis encoder settings are out of range.");
        }
    }
}
