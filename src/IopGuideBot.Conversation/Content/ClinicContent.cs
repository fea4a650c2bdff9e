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

    /// <summary>Substitutes <c>{clinic.*}</c> placeholders with the clinic's details.</summary>
    public string Render(string text) =>
        Placeholders.Resolve(text, _placeholderValues ??= TryGetSection<ClinicDetails>(out var clinic)
            ? clinic.PlaceholderValues()
            : new Dictionary<string, string>());
}
