using System.Data.Common;
using IopGuideBot.Storage.Database;
using Microsoft.AspNetCore.Identity;

namespace IopGuideBot.Storage;

/// <summary>
/// Staff accounts. Passwords are hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2 with
/// HMAC-SHA512, per-user salt, 100 000 iterations in the V3 format), which ships in the shared framework.
/// </summary>
public sealed class SqlStaffStore : IStaffStore
{
    private const string Columns = "id, username, display_name, created_at, disabled, role, failed_sign_ins, locked_until, sessions_valid_after";

    private readonly StorageDatabase _db;
    private readonly TimeProvider _time;
    private readonly PasswordHasher<StaffAccount> _hasher = new();

    // Verified when the username is unknown, so a miss costs the same time as a wrong password.
    private readonly Lazy<string> _dummyHash;

    internal SqlStaffStore(StorageDatabase db, TimeProvider time)
    {
        _db = db;
        _time = time;
        _dummyHash = new Lazy<string>(() => _hasher.HashPassword(null!, Guid.NewGuid().ToString()));
    }

    public async Task<StaffAccount> CreateAsync(
        string username, string displayName, string password, StaffRole role = StaffRole.Specialist,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentException.ThrowIfNullOrEmpty(password);
        await _db.EnsureMigratedAsync(cancellationToken);

        var account = new StaffAccount(Guid.NewGuid().ToString("N"), Normalize(username), displayName.Trim(), _time.GetUtcNow(), false, role);
        try
        {
            await using var connection = await _db.OpenConnectionAsync(cancellationToken);
            await using var command = Sql.Command(connection, null, """
                    INSERT INTO staff (id, username, display_name, password_hash, created_at, disabled, role)
                    VALUES (@id, @u, @d, @h, @t, 0, @r)
                    """)
                .With("@id", account.Id)
                .With("@u", account.Username)
                .With("@d", account.DisplayName)
                .With("@h", _hasher.HashPassword(account, password))
                .With("@t", Sql.ToUnixMs(account.CreatedAt))
                .With("@r", RoleName(role));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception ex) when (_db.IsUniqueViolation(ex))
        {
            throw new InvalidOperationException("A staff account with that username already exists.", ex);
        }

        return account with { CreatedAt = Sql.FromUnixMs(Sql.ToUnixMs(account.CreatedAt)) };
    }

    public async Task<StaffAccount?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {Columns}, password_hash FROM staff WHERE id = @p", id, cancellationToken)).FirstOrDefault().Account;

    public async Task<StaffAccount?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {Columns}, password_hash FROM staff WHERE username = @p", Normalize(username), cancellationToken))
            .FirstOrDefault().Account;

    public async Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {Columns}, password_hash FROM staff ORDER BY username", null, cancellationToken))
            .Select(x => x.Account).ToList();

    public async Task<StaffAccount?> VerifyPasswordAsync(string username, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(password);
        var found = (await QueryAsync($"SELECT {Columns}, password_hash FROM staff WHERE username = @p", Normalize(username), cancellationToken))
            .FirstOrDefault();
        if (found.Account is null)
        {
            _hasher.VerifyHashedPassword(null!, _dummyHash.Value, password);
            return null;
        }

        return await CheckAsync(found, password, cancellationToken) ? found.Account : null;
    }

    public async Task<SignInResult> SignInAsync(
        string username, string password, SignInLockout lockout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(lockout);
        var found = (await QueryAsync($"SELECT {Columns}, password_hash FROM staff WHERE username = @p", Normalize(username), cancellationToken))
            .FirstOrDefault();
        if (found.Account is null)
        {
            _hasher.VerifyHashedPassword(null!, _dummyHash.Value, password);
            return new SignInResult(SignInOutcome.Failed, null);
        }

        var now = _time.GetUtcNow();
        if (found.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            // Hashed anyway, so a locked account answers in the same time as any other.
            _hasher.VerifyHashedPassword(found.Account, found.Hash, password);
            return new SignInResult(SignInOutcome.LockedOut, found.Account, lockedUntil);
        }

        if (await CheckAsync(found, password, cancellationToken))
        {
            await ExecuteAsync("UPDATE staff SET failed_sign_ins = @v, locked_until = NULL WHERE id = @id", found.Account.Id, 0, cancellationToken);
            return new SignInResult(SignInOutcome.SignedIn, found.Account);
        }

        // One statement, so failures counted by several instances at once all count; the one that reaches the limit
        // locks and starts the count again for after the lockout.
        var until = now + lockout.Duration;
        await _db.EnsureMigratedAsync(cancellationToken);
        await using var connection = await _db.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, """
                UPDATE staff SET
                    locked_until = CASE WHEN failed_sign_ins + 1 >= @max THEN @until ELSE locked_until END,
                    failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= @max THEN 0 ELSE failed_sign_ins + 1 END
                WHERE id = @id
                RETURNING locked_until
                """)
            .With("@id", found.Account.Id)
            .With("@max", lockout.MaxFailures)
            .With("@until", Sql.ToUnixMs(until));
        var locked = await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull
            ? Sql.FromUnixMs(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture))
            : (DateTimeOffset?)null;
        return locked is { } l && l > now
            ? new SignInResult(SignInOutcome.LockedOut, found.Account, l)
            : new SignInResult(SignInOutcome.Failed, found.Account);
    }

    private async Task<bool> CheckAsync(StaffRow found, string password, CancellationToken ct)
    {
        var result = _hasher.VerifyHashedPassword(found.Account, found.Hash, password);
        if (result == PasswordVerificationResult.Failed || found.Account.Disabled)
        {
            return false;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await SetPasswordAsync(found.Account.Id, password, ct);
        }

        return true;
    }

    public async Task SetPasswordAsync(string id, string newPassword, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(newPassword);
        var account = await GetAsync(id, cancellationToken) ?? throw new InvalidOperationException("No such staff account.");
        await ExecuteAsync("UPDATE staff SET password_hash = @v WHERE id = @id", id, _hasher.HashPassword(account, newPassword), cancellationToken);
    }

    public Task SetDisabledAsync(string id, bool disabled, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE staff SET disabled = @v WHERE id = @id", id, disabled, cancellationToken);

    public Task EndSessionsAsync(string id, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE staff SET sessions_valid_after = @v WHERE id = @id", id, Sql.ToUnixMs(_time.GetUtcNow()), cancellationToken);

    private async Task ExecuteAsync(string sql, string id, object value, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        await _db.EnsureMigratedAsync(ct);
        await using var connection = await _db.OpenConnectionAsync(ct);
        await using var command = Sql.Command(connection, null, sql).With("@id", id).With("@v", value);
        if (await command.ExecuteNonQueryAsync(ct) == 0)
        {
            throw new InvalidOperationException("No such staff account.");
        }
    }

    private readonly record struct StaffRow(StaffAccount Account, string Hash, DateTimeOffset? LockedUntil);

    private async Task<List<StaffRow>> QueryAsync(string sql, string? parameter, CancellationToken ct)
    {
        await _db.EnsureMigratedAsync(ct);
        await using var connection = await _db.OpenConnectionAsync(ct);
        await using var command = Sql.Command(connection, null, sql);
        if (parameter is not null)
        {
            command.With("@p", parameter);
        }

        await using DbDataReader r = await command.ExecuteReaderAsync(ct);
        var list = new List<StaffRow>();
        while (await r.ReadAsync(ct))
        {
            var account = new StaffAccount(r.GetString(0), r.GetString(1), r.GetString(2), Sql.FromUnixMs(r.GetInt64(3)),
                r.GetInt32(4) != 0, ParseRole(r.GetString(5)), r.IsDBNull(8) ? null : Sql.FromUnixMs(r.GetInt64(8)));
            list.Add(new StaffRow(account, r.GetString(9), r.IsDBNull(7) ? null : Sql.FromUnixMs(r.GetInt64(7))));
        }

        return list;
    }

    private static string Normalize(string username) => username.Trim().ToUpperInvariant();

    private static string RoleName(StaffRole role) => role == StaffRole.Admin ? "admin" : "specialist";

    private static StaffRole ParseRole(string role) => role == "admin" ? StaffRole.Admin : StaffRole.Specialist;
}
