using YamlDotNet.RepresentationModel;

namespace IopGuideBot.Conversation.Content;

public sealed record ComparisonColumn(string Id, Located<string> Title);

public sealed record ComparisonRow(Located<string> Label, IReadOnlyDictionary<string, Located<string>> Cells, int Line);

/// <summary><c>care-comparison.yaml</c>: levels of care side by side (rows × columns).</summary>
public sealed class CareComparison
{
    public required IReadOnlyList<ComparisonColumn> Columns { get; init; }
    public required IReadOnlyList<ComparisonRow> Rows { get; init; }
}

public sealed class CareComparisonSection : ContentSection<CareComparison>
{
    public override string FileName => "care-comparison.yaml";

    protected override CareComparison? Read(YamlNode root, ContentReader reader)
    {
        var map = reader.AsMapping(root, "care-comparison.yaml");
        if (map is null)
        {
            return null;
        }

        reader.AllowOnly(map, "the comparison", "columns", "rows");
        var columns = new List<ComparisonColumn>();
        var columnsNode = reader.Required(map, "columns", "the comparison");
        foreach (var node in (columnsNode is null ? null : reader.AsSequence(columnsNode, "'columns'"))?.Children ?? [])
        {
            var column = reader.AsMapping(node, "a column");
            if (column is null)
            {
                continue;
            }

            reader.AllowOnly(column, "a column", "id", "title");
            var id = reader.RequiredString(column, "id", "a column");
            var title = reader.RequiredString(column, "title", "a column");
            if (id is null || title is null)
            {
                continue;
            }

            if (columns.Any(c => c.Id == id.Value))
            {
                reader.Error(id.Line, $"duplicate column id '{id.Value}'");
                continue;
            }

            columns.Add(new ComparisonColumn(id.Value, title));
        }

        var rows = new List<ComparisonRow>();
        var rowsNode = reader.Required(map, "rows", "the comparison");
        foreach (var node in (rowsNode is null ? null : reader.AsSequence(rowsNode, "'rows'"))?.Children ?? [])
        {
            var row = reader.AsMapping(node, "a row");
            if (row is null)
            {
                continue;
            }

            reader.AllowOnly(row, "a row", ["label", .. columns.Select(c => c.Id)]);
            var label = reader.RequiredString(row, "label", "a row");
            var what = label is null ? "a row" : $"row '{label.Value}'";
            var cells = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
            foreach (var column in columns)
            {
                var cell = reader.RequiredString(row, column.Id, what);
                if (cell is not null)
                {
                    cells[column.Id] = cell;
                }
            }

            if (label is not null)
            {
                rows.Add(new ComparisonRow(label, cells, ContentReader.LineOf(row)));
            }
        }

        if (columns.Count < 2)
        {
            reader.Error(map, "the comparison needs at least two columns");
        }

        return new CareComparison { Columns = columns, Rows = rows };
    }

    protected override void Validate(CareComparison model, ContentValidationContext context)
    {
        foreach (var text in model.Columns.Select(c => c.Title).Concat(model.Rows.SelectMany(r => r.Cells.Values.Prepend(r.Label))))
        {
            context.CheckPlaceholders(FileName, text);
        }
    }
}
