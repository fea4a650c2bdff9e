using IopGuideBot.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace IopGuideBot.Hosting;

public static partial class KeyRingHosting
{
    /// <summary>
    /// Encrypts the Data Protection key ring with the <c>KeyRing</c> certificate. Development without one creates its
    /// own (owner-only, in the user's profile, outside the data directory), so a fresh machine needs no set-up; every
    /// other environment must name one, or the service refuses to start.
    /// </summary>
    public static WebApplicationBuilder AddKeyRingProtection(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(KeyRingOptions.SectionName).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var development = builder.Environment.IsDevelopment();
        if (!options.IsConfigured)
        {
            if (!development)
            {
                throw new InvalidOperationException(
                    "Refusing to start: KeyRing:CertificatePath (or KeyRing:CertificateThumbprint) is not set, so the key ring " +
                    "that encrypts patient data would sit unencrypted in the database beside that data. Create a certificate " +
                    "outside the data directory and point KeyRing:CertificatePath at it (README, 'Keys').");
            }

            options.CertificatePath = KeyRingProtection.DefaultDevelopmentCertificatePath(builder.Environment.ContentRootPath);
        }

        builder.Services.AddDataProtection().ProtectKeyRingWith(options, createIfMissing: development);
        builder.Services.AddHostedService<KeyRingCheck>();
        return builder;
    }

    /// <summary>
    /// At start-up, after storage has its first key: refuses to run on a ring the certificate cannot decrypt (the wrong
    /// certificate would otherwise make every stored conversation unreadable one request at a time), and retires a
    /// current key stored unencrypted by an older version by activating a protected one, so new data never uses it.
    /// </summary>
    private sealed partial class KeyRingCheck(IKeyManager keys, DatabaseXmlRepository repository, TimeProvider time, ILogger<KeyRingCheck> logger)
        : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var all = keys.GetAllKeys();
            var unreadable = 0;
            foreach (var key in all)
            {
                try
                {
                    _ = key.Descriptor;
                }
                catch (Exception)
                {
                    unreadable++;
                }
            }

            if (unreadable > 0)
            {
                throw new InvalidOperationException(
                    $"Refusing to start: {unreadable} of {all.Count} keys in the stored key ring cannot be decrypted with the " +
                    "KeyRing certificate. Configure the certificate they were protected with (after a rotation: " +
                    "KeyRing:PreviousCertificatePaths); without it the stored conversations cannot be read.");
            }

            var unprotected = repository.GetAllElements()
                .Where(element => element.Name.LocalName == "key" && element.Descendants().Any(e => e.Name.LocalName == "masterKey"))
                .Select(element => (Guid?)Guid.Parse((string)element.Attribute("id")!))
                .ToHashSet();
            if (unprotected.Count == 0)
            {
                return Task.CompletedTask;
            }

            var now = time.GetUtcNow();
            LogUnprotectedKeys(logger, unprotected.Count);
            if (!all.Any(k => !k.IsRevoked && k.ActivationDate <= now && now < k.ExpirationDate && !unprotected.Contains(k.KeyId)))
            {
                keys.CreateNewKey(now, now.AddDays(90));
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning,
            Message = "{Count} key(s) in the key ring were stored unencrypted by an older version; new data uses a protected key, and data under the old ones stays readable from the database alone until retention deletes it")]
        private static partial void LogUnprotectedKeys(ILogger logger, int count);
    }
}
