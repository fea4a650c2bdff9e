using YamlDotNet.RepresentationModel;

namespace IopGuideBot.Conversation.Content;

/// <summary>
/// One content file turned into one typed model. The loader reads every registered section first, then validates them all
/// (so a section can check references into another one, e.g. a follow-up naming a topic).
/// </summary>
public interface IContentSection
{
    /// <summary>Path of the file relative to the content folder, e.g. <c>topics.yaml</c>.</summary>
    string FileName { get; }

    /// <summary>A missing required file is an error; a missing optional file leaves the section absent.</summary>
    bool Required { get; }

    Type ModelType { get; }

    object? Read(YamlNode root, ContentReader reader);

    void Validate(object model, ContentValidationContext context);
}

/// <summary>
/// Base class for a content section. To add a section: subclass this with a model type, read the YAML with
/// <see cref="ContentReader"/> (which records file + line for every problem), check cross-references in
/// <see cref="Validate(TModel, ContentValidationContext)"/>, and add one instance to <see cref="ContentSections.All"/>.
/// At run time the model is <c>content.Section&lt;TModel&gt;()</c>.
/// </summary>
public abstract class ContentSection<TModel> : IContentSection
    where TModel : class
{
    public abstract string FileName { get; }

    public virtual bool Required => true;

    public Type ModelType => typeof(TModel);

    /// <summary>Builds the model; report problems through <paramref name="reader"/> and return what could be read (or null).</summary>
    protected abstract TModel? Read(YamlNode root, ContentReader reader);

    /// <summary>Checks that need the other sections (references, placeholders). Runs only if every file parsed.</summary>
    protected virtual void Validate(TModel model, ContentValidationContext context)
    {
    }

    object? IContentSection.Read(YamlNode root, ContentReader reader) => Read(root, reader);

    void IContentSection.Validate(object model, ContentValidationContext context) => Validate((TModel)model, context);
}
