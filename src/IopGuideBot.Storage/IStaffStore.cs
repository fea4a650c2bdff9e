namespace IopGuideBot.Storage;

/// <summary>A clinic staff member who can sign in to the console. The password hash never leaves the store.</summary>
public sealed record StaffAccount(string Id, string Username, string DisplayName, DateTimeOffset CreatedAt, bool Disabled);

public interface IStaffStore
{
    /// <summary>Creates an account; usernames are unique ignoring case. Throws <see cref="InvalidOperationException"/> on a duplicate.</summary>
    Task<StaffAccount> CreateAsync(
        string username, string displayName, string password, CancellationToken cancellationToken = default);

    Task<StaffAccount?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<StaffAccount?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The account when the username exists, is enabled and the password matches; otherwise null (taking about the same
    /// time either way). Rehashes with current parameters when the stored hash is outdated.
    /// </summary>
    Task<StaffAccount?> VerifyPasswordAsync(
        string username, string password, CancellationToken cancellationToken = default);

    Task SetPasswordAsync(string id, string newPassword, CancellationToken cancellationToken = default);

    Task SetDisabledAsync(string id, bool disabled, CancellationToken cancellationToken = default);
}
