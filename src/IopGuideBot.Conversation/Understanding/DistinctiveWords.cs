using System.Collections.Frozen;
using IopGuideBot.Conversation.Content;

namespace IopGuideBot.Conversation.Understanding;

/// <summary>
/// Words the examples use for one intent and (almost) no other: "tricare" and "aetna" for insurance, "dbt" for the
/// therapies, "fmla" for work. A message of a few words ("tricare?", "dbt??") gives both classifiers too little to be
/// sure of, so the cascade would fall back; when its only telling words all belong to one intent, that intent is the
/// answer. Learned from the content's examples at start-up, so a new example teaches it a new word.
/// </summary>
public sealed class DistinctiveWords
{
    /// <summary>A word must appear in at least this many examples of its intent…</summary>
    public const int MinimumExamples = 2;

    /// <summary>…and this share of all examples that use it must be that intent's.</summary>
    public const double MinimumShare = 0.9;

    /// <summary>Messages of more words than this are left to the classifiers (their context says more than one word).</summary>
    public const int MaximumWords = 4;

    private readonly FrozenDictionary<string, Intent> _owners;

    private DistinctiveWords(FrozenDictionary<string, Intent> owners) => _owners = owners;

    /// <summary>How many words are distinctive.</summary>
    public int Count => _owners.Count;

    public static DistinctiveWords From(IntentExamples examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var uses = new Dictionary<string, Dictionary<Intent, int>>(StringComparer.Ordinal);
        foreach (var (intent, text) in examples.All)
        {
            foreach (var word in Words(TextNormalizer.Normalize(text)).Distinct(StringComparer.Ordinal))
            {
                var byIntent = uses.TryGetValue(word, out var found) ? found : uses[word] = [];
                byIntent[intent] = byIntent.GetValueOrDefault(intent) + 1;
            }
        }

        var owners = new Dictionary<string, Intent>(StringComparer.Ordinal);
        foreach (var (word, byIntent) in uses)
        {
            var (owner, count) = byIntent.MaxBy(p => p.Value);
            if (count >= MinimumExamples && count >= MinimumShare * byIntent.Values.Sum())
            {
                owners[word] = owner;
            }
        }

        return new DistinctiveWords(owners.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// The one intent that every distinctive word of a short message belongs to, or null (a longer message, no distinctive
    /// word, or words of different intents).
    /// </summary>
    public Intent? SoleIntentOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words(TextNormalizer.Normalize(text)).ToList();
        if (words.Count == 0 || words.Count > MaximumWords)
        {
            return null;
        }

        var intents = words.Where(_owners.ContainsKey).Select(w => _owners[w]).Distinct().ToList();
        return intents.Count == 1 ? intents[0] : null;
    }

    // Letters only, three or more: short words and numbers say little on their own.
    private static IEnumerable<string> Words(string normalized) =>
        normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3 && w.All(char.IsLetter));
}
