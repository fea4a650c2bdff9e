using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IopGuideBot.Conversation.Content;

/// <summary>Loads <c>dialogs-content/</c> and validates it, failing fast with every problem (file, line, what is wrong).</summary>
public static class ContentLoader
{
    /// <exception cref="ContentValidationException">The content has problems; <see cref="ContentValidationException.Errors"/> lists them.</exception>
    public static ClinicContent Load(string directory) => Load(directory, ContentSections.All);

    public static ClinicContent Load(string directory, IEnumerable<IContentSection> sections)
    {
        var (content, errors) = TryLoad(directory, sections);
        return errors.Count > 0 ? throw new ContentValidationException(errors) : content!;
    }

    /// <summary>Loads without throwing: the content (null when there are errors) and the list of problems.</summary>
    public static (ClinicContent? Content, IReadOnlyList<ContentError> Errors) TryLoad(string directory, IEnumerable<IContentSection>? sections = null)
    {
        var errors = new List<ContentError>();
        var models = new Dictionary<Type, object>();
        var loaded = new List<(IContentSection Section, object Model)>();
        directory = Path.GetFullPath(directory);
        if (!Directory.Exists(directory))
        {
            errors.Add(new ContentError(directory, 0, "content folder does not exist"));
            return (null, errors);
        }

        foreach (var section in sections ?? ContentSections.All)
        {
            var path = Path.Combine(directory, section.FileName);
            if (!File.Exists(path))
            {
                if (section.Required)
                {
                    errors.Add(new ContentError(section.FileName, 0, "required content file is missing"));
                }

                continue;
            }

            var root = Parse(path, section.FileName, errors);
            if (root is null)
            {
                continue;
            }

            var before = errors.Count;
            object? model;
            try
            {
                model = section.Read(root, new ContentReader(section.FileName, directory, errors));
            }
            catch (YamlException ex)
            {
                errors.Add(new ContentError(section.FileName, checked((int)ex.Start.Line), ex.Message));
                continue;
            }

            if (model is not null)
            {
                models[section.ModelType] = model;
                loaded.Add((section, model));
            }
            else if (errors.Count == before)
            {
                errors.Add(new ContentError(section.FileName, 1, "could not be read"));
            }
        }

        var content = new ClinicContent(directory, models);

        // Cross-checks only make sense once every file has been read: a file that failed to parse would otherwise
        // show up as dozens of "unknown reference" errors elsewhere.
        if (errors.Count == 0)
        {
            var context = new ContentValidationContext(content, errors);
            foreach (var (section, model) in loaded)
            {
                section.Validate(model, context);
            }
        }

        var ordered = errors.Distinct().OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ToList();
        return (ordered.Count == 0 ? content : null, ordered);
    }

    private static YamlNode? Parse(string path, string file, List<ContentError> errors)
    {
        using var reader = new StreamReader(path);
        var scanner = new Scanner(reader);
        try
        {
            var stream = new YamlStream();
            stream.Load(new Parser(scanner));
            if (stream.Documents.Count == 0)
            {
                errors.Add(new ContentError(file, 1, "file is empty"));
                return null;
            }

            return stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            var problem = ex.InnerException is ArgumentException || ex.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase)
                ? $"duplicate key: {ex.Message}"
                : $"YAML syntax error: {ex.Message}";
            errors.Add(new ContentError(file, checked((int)ex.Start.Line), problem));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet sometimes fails inside its scanner without a YamlException (e.g. an unclosed [ list);
            // the scanner's position is still where reading stopped.
            errors.Add(new ContentError(file, checked((int)scanner.CurrentPosition.Line),
                "YAML syntax error: could not read this line (check for an unclosed [ ], { } or quote above it)"));
            return null;
        }
    }
}
