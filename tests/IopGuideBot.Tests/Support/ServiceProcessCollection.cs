namespace IopGuideBot.Tests.Support;

/// <summary>
/// Test classes that start their own service processes run one after another, not beside each other: each process
/// loads the content, the classifier and the embedding model, and two cores shared with the in-process tests cannot
/// start several at once in reasonable time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServiceProcessCollection
{
    public const string Name = "service processes";
}
