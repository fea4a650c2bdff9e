using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace IopGuideBot.Channels;

/// <summary>
/// Wraps the SDK's <see cref="BotFrameworkAuthentication"/> so that replies reuse one <see cref="ConnectorClient"/> per
/// service URL instead of building a new one on every turn.
/// </summary>
/// <remarks>
/// A new <c>ConnectorClient</c> builds new Newtonsoft serializer settings, and with them a new contract resolver, so
/// every reply recompiled property getters: measured at about 140 ms per reply under load on this machine
/// (see shared/design/bot-framework-packages.md). <c>CloudAdapterBase</c> disposes the client it gets at the end of
/// each turn, so the factory hands out a wrapper whose <c>Dispose</c> leaves the shared client alive.
/// </remarks>
internal sealed class SharedConnectorClientAuthentication(BotFrameworkAuthentication inner) : BotFrameworkAuthentication
{
    // Anonymous (Emulator) mode accepts any serviceUrl, so the cache is bounded: past the limit clients are not shared.
    internal const int MaxSharedClients = 64;

    private readonly ConcurrentDictionary<string, ConnectorClient> _clients = new(StringComparer.OrdinalIgnoreCase);

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken);
        result.ConnectorFactory = new SharedConnectorFactory(result.ConnectorFactory, AppIdOf(result.ClaimsIdentity), this);
        return result;
    }

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
        => await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity)
        => new SharedConnectorFactory(inner.CreateConnectorFactory(claimsIdentity), AppIdOf(claimsIdentity), this);

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken)
        => inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken);

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken)
        => inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    internal int SharedClientCount => _clients.Count;

    private static string AppIdOf(ClaimsIdentity? identity)
        => identity?.FindFirst(AuthenticationConstants.AudienceClaim)?.Value
           ?? identity?.FindFirst(AuthenticationConstants.AppIdClaim)?.Value
           ?? string.Empty;

    private async Task<IConnectorClient> GetOrCreateAsync(ConnectorFactory factory, string appId, string serviceUrl, string audience, CancellationToken cancellationToken)
    {
        var key = $"{appId}|{audience}|{serviceUrl}";
        if (_clients.TryGetValue(key, out var shared))
        {
            return new NonDisposingConnectorClient(shared);
        }

        var created = await factory.CreateAsync(serviceUrl, audience, cancellationToken);
        if (created is not ConnectorClient client || _clients.Count >= MaxSharedClients)
        {
            return created;
        }

        var winner = _clients.GetOrAdd(key, client);
        if (!ReferenceEquals(winner, client))
        {
            client.Dispose();
        }

        return new NonDisposingConnectorClient(winner);
    }

    private sealed class SharedConnectorFactory(ConnectorFactory inner, string appId, SharedConnectorClientAuthentication owner) : ConnectorFactory
    {
        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
            => owner.GetOrCreateAsync(inner, appId, serviceUrl, audience ?? string.Empty, cancellationToken);
    }

    /// <summary>Delegates to a shared client; disposing it (as the adapter does after each turn) is a no-op.</summary>
    private sealed class NonDisposingConnectorClient(ConnectorClient shared) : IConnectorClient
    {
        public Uri BaseUri { get => shared.BaseUri; set => throw new NotSupportedException("A shared connector client's base URI is fixed."); }

        public Newtonsoft.Json.JsonSerializerSettings SerializationSettings => shared.SerializationSettings;

        public Newtonsoft.Json.JsonSerializerSettings DeserializationSettings => shared.DeserializationSettings;

        public Microsoft.Rest.ServiceClientCredentials Credentials => shared.Credentials;

        public IAttachments Attachments => shared.Attachments;

        public IConversations Conversations => shared.Conversations;

        public void Dispose()
        {
        }
    }
}
