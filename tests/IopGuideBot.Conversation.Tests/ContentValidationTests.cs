using IopGuideBot.Conversation.Content;

namespace IopGuideBot.Conversation.Tests;

/// <summary>
/// The real content must validate; each broken fixture (a file or two laid over a copy of the real content) must fail
/// with an error naming the file, the line and the problem.
/// </summary>
public sealed class ContentValidationTests(Xunit.Abstractions.ITestOutputHelper log)
{
    [Fact]
    public void Real_content_is_valid()
    {
        var output = new StringWriter();
        var code = ContentValidationCommand.Run(ContentPaths.Content, output);
        Assert.True(code == 0, output.ToString());
        log.WriteLine(output.ToString());
        Assert.StartsWith("content OK:", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Real_content_meets_the_coverage_the_brief_asks_for()
    {
        var content = ContentLoader.Load(ContentPaths.Content);
        Assert.True(content.Topics.Count >= 25, $"{content.Topics.Count} topics");
        Assert.All(content.Topics.All, t => Assert.True(t.Examples.Count >= 8, $"{t.Id} has {t.Examples.Count} examples"));
    }

    [Theory]
    [InlineData("broken-missing-key", "clinic.yaml", 3, "missing required key 'phone'")]
    [InlineData("broken-placeholder", "topics.yaml", 24, "unknown placeholder '{clinic.fax}'")]
    [InlineData("broken-duplicate-id", "topics.yaml", 20, "duplicate topic id 'compare-care' (first defined on line 7)")]
    [InlineData("broken-unknown-reference", "topics.yaml", 23, "unknown reference 'topic:schedule'")]
    [InlineData("broken-yaml-syntax", "commands.yaml", 5, "YAML syntax error")]
    public void Broken_content_is_reported_with_file_line_and_problem(string fixture, string file, int line, string problem)
    {
        var directory = Overlay(fixture);
        try
        {
            var (content, errors) = ContentLoader.TryLoad(directory);
            Assert.Null(content);
            var error = Assert.Single(errors);
            Assert.Equal(file, error.File);
            Assert.Equal(line, error.Line);
            Assert.Contains(problem, error.Problem, StringComparison.Ordinal);

            var output = new StringWriter();
            Assert.Equal(1, ContentValidationCommand.Run(directory, output));
            Assert.Contains($"{file}:{line}: ", output.ToString(), StringComparison.Ordinal);

            var thrown = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(directory));
            Assert.Equal(error, Assert.Single(thrown.Errors));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Messages_that_the_flow_needs_must_exist()
    {
        var directory = Overlay(null);
        try
        {
            var path = Path.Combine(directory, "messages.yaml");
            File.WriteAllText(path, File.ReadAllText(path).Replace("input.empty:", "input.blank:", StringComparison.Ordinal));
            var (_, errors) = ContentLoader.TryLoad(directory);
            var error = Assert.Single(errors);
            Assert.Equal(new ContentError("messages.yaml", 1, "missing required message 'input.empty'"), error);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>A temporary copy of the real content with the fixture's files laid over it.</summary>
    private static string Overlay(string? fixture)
    {
        var target = Path.Combine(Path.GetTempPath(), "iop-content-" + Guid.NewGuid().ToString("N"));
        CopyTree(ContentPaths.Content, target);
        if (fixture is not null)
        {
            CopyTree(ContentPaths.Fixture(fixture), target);
        }

        return target;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest, overwrite: true);
        }
    }
}
