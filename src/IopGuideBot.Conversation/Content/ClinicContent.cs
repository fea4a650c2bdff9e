namespace IopGuideBot.Conversation.Content;

/// <summary>Everything in <c>dialogs-content/</c>, loaded and validated. Immutable; one instance per process.</summary>
public sealed class ClinicContent
{
    private readonly IReadOnlyDictionary<Type, object> _sections;
    private IReadOnlyDictionary<string, string>? _placeholderValues;

    internal ClinicContent(string directory, IReadOnlyDictionary<Type, object> sections)
    {
        Directory = directory;
        _sections = sections;
    }

    public string Directory { get; }

    public ClinicDetails Clinic => Section<ClinicDetails>();

    public MessageCatalog Messages => Section<MessageCatalog>();

    public CommandCatalog Commands => Section<CommandCatalog>();

    public TopicCatalog Topics => Section<TopicCatalog>();

    public CareComparison CareComparison => Section<CareComparison>();

    /// <summary>The model of a registered section (see <see cref="ContentSections"/>).</summary>
    public T Section<T>()
        where T : class =>
        TryGetSection<T>(out var section) ? section : throw new InvalidOperationException($"Content section {typeof(T).Name} is not loaded.");

    public bool TryGetSection<T>(out T section)
        where T : class
    {
        if (_sections.TryGetValue(typeof(T), out var value))
        {
            section = (T)value;
            return true;
        }

        section = null!;
        return false;
    }

    /// <summary>Substitutes <see cref="Placeholders.Known"/> placeholders: the clinic's details and how long answers are kept.</summary>
    public string Render(string text) => Placeholders.Resolve(text, _placeholderValues ??= PlaceholderValues());

    private Dictionary<string, string> PlaceholderValues()
    {
        var values = TryGetSection<ClinicDetails>(out var clinic)
            ? new Dictionary<string, string>(clinic.PlaceholderValues(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        if (TryGetSection<Triage.TriageContent>(out var triage))
        {
            values[Placeholders.RetentionDays] = triage.RetentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return values;
    }
}
