using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace IopGuideBot.Storage;

/// <summary>
/// Encrypts protected health information before it reaches the database (AES-256-CBC + HMAC-SHA256 via ASP.NET Core
/// Data Protection, key ring shared by all instances through the database).
/// </summary>
internal sealed class PhiProtector
{
    public const string Purpose = "IopGuideBot.Storage.Phi";

    private readonly IDataProtector _protector;

    public PhiProtector(IDataProtectionProvider provider)
    {
        _protector = provider.CreateProtector(Purpose);
    }

    public byte[] Protect(string plaintext) => _protector.Protect(Encoding.UTF8.GetBytes(plaintext));

    public string Unprotect(byte[] protectedData) => Encoding.UTF8.GetString(_protector.Unprotect(protectedData));
}
