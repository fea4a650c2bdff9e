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
    private const string Columns = "id, username, display_name, created_at, disabled";

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
        string username, string displayName, string password, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentException.ThrowIfNullOrEmpty(password);
        await _db.EnsureMigratedAsync(cancellationToken);

        var account = new StaffAccount(Guid.NewGuid().ToString("N"), Normalize(username), displayName.Trim(), _time.GetUtcNow(), false);
        try
        {
            await using var connection = await _db.OpenConnectionAsync(cancellationToken);
            await using var command = Sql.Command(connection, null, """
                    INSERT INTO staff (id, username, display_name, password_hash, created_at, disabled)
                    VALUES (@id, @u, @d, @h, @t, 0)
                    """)
                .With("@id", account.Id)
                .With("@u", account.Username)
                .With("@d", account.DisplayName)
                .With("@h", _hasher.HashPassword(account, password))
                .With("@t", Sql.ToUnixMs(account.CreatedAt));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception ex) when (_db.IsUniqueViolation(ex))
        {
            throw new InvalidOperationException("A staff account with that username already exists.", ex);
        }

        return new StaffAccount(account.Id, account.Username, account.DisplayName, Sql.FromUnixMs(Sql.ToUnixMs(account.CreatedAt)), false);
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

        var result = _hasher.VerifyHashedPassword(found.Account, found.Hash, password);
        if (result == PasswordVerificationResult.Failed || found.Account.Disabled)
        {
            return null;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await SetPasswordAsync(found.Account.Id, password, cancellationToken);
        }

        return found.Account;
    }

    public async Task SetPasswordAsync(string id, string newPassword, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(newPassword);
        var account = await GetAsync(id, cancellationToken) ?? throw new InvalidOperationException("No such staff account.");
        await ExecuteAsync("UPDATE staff SET password_hash = @v WHERE id = @id", id, _hasher.HashPassword(account, newPassword), cancellationToken);
    }

    public Task SetDisabledAsync(string id, bool disabled, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE staff SET disabled = @v WHERE id = @id", id, disabled, cancellationToken);

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

    private async Task<List<(StaffAccount Account, string Hash)>> QueryAsync(string sql, string? parameter, CancellationToken ct)
    {
        await _db.EnsureMigratedAsync(ct);
        await using var connection = await _db.OpenConnectionAsync(ct);
        await using var command = Sql.Command(connection, null, sql);
        if (parameter is not null)
        {
            command.With("@p", parameter);
        }

        await using DbDataReader r = await command.ExecuteReaderAsync(ct);
        var list = new List<(StaffAccount, string)>();
        while (await r.ReadAsync(ct))
        {
            list.Add((new StaffAccount(r.GetString(0), r.GetString(1), r.GetString(2), Sql.FromUnixMs(r.GetInt64(3)), r.GetInt32(4) != 0),
                r.GetString(5)));
        }

        return list;
    }

    private static string Normalize(string username) => username.Trim().ToUpperInvariant();
}
