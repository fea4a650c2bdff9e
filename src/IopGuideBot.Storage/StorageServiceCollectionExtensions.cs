using IopGuideBot.Storage.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using IopGuideBot.Conversation.Handoff;

namespace IopGuideBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers everything durable: bot state (<see cref="IStorage"/>), the activity log and its transcript logger,
    /// change notifications, handoffs, staff accounts, the audit log, the Data Protection key ring in the database,
    /// start-up migration, the <c>storage</c> health check (tag <c>ready</c>) and the retention sweep. Settings come from
    /// the <c>Storage</c> section (<see cref="StorageOptions"/>); invalid settings stop the host at start-up.
    /// </summary>
    public static IServiceCollection AddBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<StorageDatabase>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var loggerFactory = sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
            var contentRoot = sp.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
            return CreateDatabase(options, contentRoot, loggerFactory);
        });
        services.TryAddSingleton(sp => new PhiProtector(sp.GetRequiredService<IDataProtectionProvider>()));
        services.TryAddSingleton<IStorage>(sp => new SqlBotStorage(
            sp.GetRequiredService<StorageDatabase>(), sp.GetRequiredService<PhiProtector>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IActivityLog>(sp => new SqlActivityLog(
            sp.GetRequiredService<StorageDatabase>(), sp.GetRequiredService<PhiProtector>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ITranscriptLogger, ActivityLogTranscriptLogger>();
        services.TryAddSingleton<IActivityNotifications>(sp => sp.GetRequiredService<StorageDatabase>().Changes);
        services.TryAddSingleton<IHandoffStore>(sp => new SqlHandoffStore(
            sp.GetRequiredService<StorageDatabase>(), sp.GetRequiredService<PhiProtector>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IClinicStatistics>(sp => new SqlClinicStatistics(
            sp.GetRequiredService<StorageDatabase>(),
            new SqlHandoffStore(sp.GetRequiredService<StorageDatabase>(), sp.GetRequiredService<PhiProtector>(), sp.GetRequiredService<TimeProvider>())));
        services.TryAddSingleton<IStaffStore>(sp => new SqlStaffStore(
            sp.GetRequiredService<StorageDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IAuditLog>(sp => new SqlAuditLog(
            sp.GetRequiredService<StorageDatabase>(), sp.GetRequiredService<TimeProvider>()));

        services.TryAddSingleton(sp => new DatabaseXmlRepository(
            sp.GetRequiredService<StorageDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddDataProtection().SetApplicationName("IopGuideBot").UseCryptographicAlgorithms(PhiProtector.Algorithms);
        services.AddOptions<KeyManagementOptions>()
            .Configure<DatabaseXmlRepository>((o, repository) => o.XmlRepository = repository);

        // Registered first among storage's hosted services so the schema and key ring exist before anything runs.
        services.AddHostedService<StorageStartupService>();
        services.TryAddSingleton<RetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);
        return services;
    }

    internal static StorageDatabase CreateDatabase(StorageOptions options, string contentRoot, ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger("IopGuideBot.Storage.Changes");
        return options.ParsedProvider switch
        {
            StorageProvider.Postgres => new PostgresDatabase(options.ConnectionString!, new ChangeHub(logger, options.ConnectionString)),
            _ => new SqliteDatabase(
                Path.Combine(Path.GetFullPath(options.DataDirectory, contentRoot), StorageOptions.SqliteFileName),
                new ChangeHub(logger, listenConnectionString: null)),
        };
    }

    private sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
