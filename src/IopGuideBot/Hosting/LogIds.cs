using System.Security.Cryptography;
using System.Text;

namespace IopGuideBot.Hosting;

/// <summary>Identifiers as they may appear in logs: hashed, so logs correlate a conversation without naming it.</summary>
public static class LogIds
{
    public static string Hash(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "none";
        }

        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(id), digest);
        return Convert.ToHexStringLower(digest[..6]);
    }
}
