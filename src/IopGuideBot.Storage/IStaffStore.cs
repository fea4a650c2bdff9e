namespace IopGuideBot.Storage;

/// <summary>What a staff member may do in the console: specialists work the queue; admins also manage staff and read the audit log.</summary>
public enum StaffRole
{
    Specialist,
    Admin,
}

/// <summary>
/// A clinic staff member who can sign in to the console. The password hash never leaves the store.
/// <paramref name="SessionsValidAfter"/>: sessions that began before this time are over (set on sign-out).
/// </summary>
public sealed record StaffAccount(
    string Id, string Username, string DisplayName, DateTimeOffset CreatedAt, bool Disabled,
    StaffRole Role = StaffRole.Specialist, DateTimeOffset? SessionsValidAfter = null);

/// <summary>How many wrong passwords in a row lock an account, and for how long.</summary>
public sealed record SignInLockout(int MaxFailures, TimeSpan Duration);

public enum SignInOutcome
{
    SignedIn,

    /// <summary>Unknown username, wrong password or a disabled account (the caller should not say which).</summary>
    Failed,

    /// <summary>Too many wrong passwords in a row: refused until <see cref="SignInResult.LockedUntil"/>, even with the right one.</summary>
    LockedOut,
}

/// <summary>The result of <see cref="IStaffStore.SignInAsync"/>; <see cref="Account"/> is set when the account exists.</summary>
public sealed record SignInResult(SignInOutcome Outcome, StaffAccount? Account, DateTimeOffset? LockedUntil = null);

public interface IStaffStore
{
    /// <summary>Creates an account; usernames are unique ignoring case. Throws <see cref="InvalidOperationException"/> on a duplicate.</summary>
    Task<StaffAccount> CreateAsync(
        string username, string displayName, string password, StaffRole role = StaffRole.Specialist,
        CancellationToken cancellationToken = default);

    Task<StaffAccount?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<StaffAccount?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The account when the username exists, is enabled and the password matches; otherwise null (taking about the same
    /// time either way). Rehashes with current parameters when the stored hash is outdated. Ignores lockout; sign-in
    /// goes through <see cref="SignInAsync"/>.
    /// </summary>
    Task<StaffAccount?> VerifyPasswordAsync(
        string username, string password, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks a password with lockout, atomically across instances: a wrong password counts a failure, and the
    /// <see cref="SignInLockout.MaxFailures"/>th in a row locks the account for <see cref="SignInLockout.Duration"/>;
    /// while locked every attempt is refused; a success clears the count.
    /// </summary>
    Task<SignInResult> SignInAsync(
        string username, string password, SignInLockout lockout, CancellationToken cancellationToken = default);

    Task SetPasswordAsync(string id, string newPassword, CancellationToken cancellationToken = default);

    Task SetDisabledAsync(string id, bool disabled, CancellationToken cancellationToken = default);

    /// <summary>Ends every session of the account that began before now (sign-out; a copied cookie stops working).</summary>
    Task EndSessionsAsync(string id, CancellationToken cancellationToken = default);
}
