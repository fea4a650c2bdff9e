namespace IopGuideBot.Storage;

/// <summary>
/// Recognises an optimistic-concurrency failure of <see cref="Microsoft.Bot.Builder.IStorage"/>: Bot Builder's
/// MemoryStorage throws a plain <see cref="Exception"/> whose message starts "Etag conflict", and callers (and the SDK's
/// storage tests) rely on that exact shape, so <see cref="SqlBotStorage"/> throws the same.
/// </summary>
public static class StateConflicts
{
    public const string MessagePrefix = "Etag conflict";

    public static bool IsConflict(Exception exception) =>
        exception is not null
        && exception.GetType() == typeof(Exception)
        && exception.Message.StartsWith(MessagePrefix, StringComparison.Ordinal);
}
