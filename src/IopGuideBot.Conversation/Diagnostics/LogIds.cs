using System.Security.Cryptography;
using System.Text;

namespace IopGuideBot.Conversation.Diagnostics;

/// <summary>
/// Identifiers as every layer may log them (it lives in the lowest assembly that every clinic layer shares). A conversation id links log lines to a transcript of protected health
/// information, so logs carry only a short one-way hash of it.
/// </summary>
public static class LogIds
{
    /// <summary>SHA-256 of the UTF-8 id, first 12 lowercase hex characters; <c>"-"</c> for null or empty.</summary>
    public static string Hash(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "-";
        }

        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(id), digest);
        return Convert.ToHexStringLower(digest[..6]);
    }
}
