using IopGuideBot.Conversation.Safety;

namespace IopGuideBot.Conversation.Semantics;

/// <summary>
/// One read of the package's 90 MB all-MiniLM-L6-v2 graph for both sessions over it: the sentence encoder
/// (<see cref="SentenceEmbeddings"/>) builds its session from the bytes and leaves the unchanged array here, and the crisis
/// encoder (<see cref="CrisisEncoder"/>) takes it and patches its adapter into it in place instead of reading a second
/// copy. Why: on the 2-core test machine a page fault costs ~11 µs, so reading 90 MB into fresh memory costs ~0.26 s of CPU,
/// nearly all of it faults (BENCHMARKS.md, seventeenth and eighteenth passes); ONNX Runtime parses the bytes into memory
/// of its own, so the array is free once a session is built.
/// </summary>
/// <remarks>
/// Whoever takes the array owns it (one taker, <see cref="Interlocked.Exchange{T}(ref T, T)"/>); only an unchanged graph
/// is ever left. Nothing waits here: a taker that finds nothing reads its own copy, so the saving needs the sentence
/// encoder built first (the crisis check's warm-up resolves it before the crisis encoder). A graph nobody takes is let go
/// after start-up (<see cref="SentenceEmbeddings.ForgetLeftoverGraph"/>).
/// </remarks>
internal static class MiniLMPackageGraph
{
    private static byte[]? _leftover;

    /// <summary>The unchanged graph a session was built from, if one was left and not yet taken; otherwise a fresh read. The caller may change it.</summary>
    public static byte[] Take() => Interlocked.Exchange(ref _leftover, null) ?? CrisisEncoder.ReadPackageGraph();

    /// <summary>Leaves <paramref name="unchanged"/> (the package's graph, as read) for the next <see cref="Take"/>.</summary>
    public static void Leave(byte[] unchanged) => Volatile.Write(ref _leftover, unchanged);

    /// <summary>Lets a graph nobody took go to the collector.</summary>
    public static void Forget() => Volatile.Write(ref _leftover, null);
}
