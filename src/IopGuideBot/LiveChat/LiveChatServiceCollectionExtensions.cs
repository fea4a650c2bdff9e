using System.Net.Mail;
using IopGuideBot.Conversation.Handoff;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IopGuideBot.LiveChat;

public static class LiveChatServiceCollectionExtensions
{
    /// <summary>
    /// The bot side of a warm handoff: <see cref="ILiveChat"/> for the staff console; every new or newly urgent handoff
    /// announced (the turn's <c>handoff.initiate</c> event, sent by <see cref="HandoffProtocolMiddleware"/> in the turn
    /// pipeline, and the staff webhook, options section <c>HandoffNotifications</c>); people waiting for a live chat told
    /// their new place when the queue moves (<see cref="PlaceInLineUpdates"/>). Call after AddBotStorage; needs the
    /// bot channel and Direct Line registered too.
    /// </summary>
    public static IServiceCollection AddLiveChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PersonDelivery>();
        services.AddSingleton<ILiveChat, LiveChatService>();
        services.AddSingleton<PlaceInLineUpdates>();
        services.AddHostedService(sp => sp.GetRequiredService<PlaceInLineUpdates>());

        services.AddOptions<HandoffNotificationOptions>()
            .Bind(configuration.GetSection(HandoffNotificationOptions.SectionName))
            .Validate(o => !o.IsConfigured || (Uri.TryCreate(o.Url, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"),
                "HandoffNotifications:Url must be an absolute http(s) address")
            .Validate(o => !o.IsConfigured || !string.IsNullOrWhiteSpace(o.Secret),
                "HandoffNotifications:Secret is required with HandoffNotifications:Url (the receiver checks the signature with it)")
            .Validate(o => !o.Smtp.IsConfigured || (o.Smtp.Port is > 0 and <= 65535
                    && MailAddress.TryCreate(o.Smtp.From, out _)
                    && o.Smtp.To?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } to
                    && to.All(a => MailAddress.TryCreate(a, out _))),
                "HandoffNotifications:Smtp needs a Port (1-65535), a From address and one or more To addresses (comma-separated)")
            .ValidateOnStart();
        services.AddHttpClient(HandoffNotifier.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<HandoffNotifier>();
        services.AddSingleton<IHandoffAnnouncementListener>(sp => sp.GetRequiredService<HandoffNotifier>());
        services.AddHostedService(sp => sp.GetRequiredService<HandoffNotifier>());

        // Every handoff write passes through the store, so that is where new and urgent ones are noticed.
        var store = services.LastOrDefault(d => d.ServiceType == typeof(IHandoffStore))
            ?? throw new InvalidOperationException("AddLiveChat watches handoffs: call it after AddBotStorage.");
        services.Replace(ServiceDescriptor.Singleton<IHandoffStore>(sp => new AnnouncingHandoffStore(
            (IHandoffStore)(store.ImplementationFactory?.Invoke(sp) ?? store.ImplementationInstance
                ?? ActivatorUtilities.CreateInstance(sp, store.ImplementationType!)),
            sp.GetServices<IHandoffAnnouncementListener>(),
            sp.GetRequiredService<PlaceInLineUpdates>())));
        return services;
    }
}
