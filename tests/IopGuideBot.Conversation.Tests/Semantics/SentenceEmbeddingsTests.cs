using IopGuideBot.Conversation.Semantics;
using Xunit;

namespace IopGuideBot.Conversation.Tests.Semantics;

public sealed class SentenceEmbeddingsTests : IClassFixture<SentenceEmbeddingsTests.Model>
{
    private readonly SentenceEmbeddings _embeddings;

    public SentenceEmbeddingsTests(Model model) => _embeddings = model.Embeddings;

    [Fact]
    public void Vectors_are_unit_length_with_the_model_dimensions()
    {
        var vector = _embeddings.Embed("how long does the program last");

        Assert.Equal(SentenceEmbeddings.Dimensions, vector.Length);
        Assert.InRange(SentenceEmbeddings.Similarity(vector, vector), 0.999f, 1.001f);
    }

    [Fact]
    public void The_same_meaning_in_other_words_is_closer_than_another_subject()
    {
        var question = _embeddings.Embed("can my husband come to some of the sessions");
        var paraphrase = _embeddings.Embed("is there a way for my spouse to take part in therapy");
        var otherSubject = _embeddings.Embed("where do I park when I arrive");

        Assert.True(
            SentenceEmbeddings.Similarity(question, paraphrase) > SentenceEmbeddings.Similarity(question, otherSubject) + 0.2f,
            "a paraphrase should be much closer than an unrelated question");
    }

    [Fact]
    public void A_batch_gives_the_same_vectors_as_one_at_a_time_in_order()
    {
        string[] texts = ["what does it cost", "do you take medicaid", "what does it cost again please"];
        using var fresh = new SentenceEmbeddings(new SemanticsOptions { CacheEntries = 0 });

        var batch = _embeddings.EmbedMany(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.InRange(SentenceEmbeddings.Similarity(batch[i], fresh.Embed(texts[i])), 0.999f, 1.001f);
        }
    }

    [Fact]
    public void A_repeated_text_comes_from_the_cache()
    {
        var first = _embeddings.Embed("is this confidential");

        Assert.Same(first, _embeddings.Embed("is this confidential"));
    }

    [Fact]
    public void Input_longer_than_the_limit_is_cut_before_encoding()
    {
        using var limited = new SentenceEmbeddings(new SemanticsOptions { MaxInputChars = 20 });
        var start = "my son needs help now";

        var vector = limited.Embed(start[..20] + " and then a great deal more text that the limit cuts away entirely");

        Assert.InRange(SentenceEmbeddings.Similarity(vector, limited.Embed(start[..20])), 0.999f, 1.001f);
    }

    /// <summary>Loading the model takes about half a second, so the tests share one.</summary>
    public sealed class Model : IDisposable
    {
        public SentenceEmbeddings Embeddings { get; } = new();

        public void Dispose() => Embeddings.Dispose();
    }
}
