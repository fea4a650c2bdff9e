using System.Text;
using IopGuideBot.Hosting;
using IopGuideBot.Storage;

namespace IopGuideBot.StaffConsole;

/// <summary>
/// <c>dotnet run --project src/IopGuideBot -- add-staff &lt;username&gt; --role admin|specialist [--display-name "Name"]</c>:
/// creates a console account in the service's database, reading the password from standard input (never from the
/// command line, where it would land in shell history and the process list). There is no default account: the first
/// admin is made this way, later staff by admins in the console.
/// </summary>
public static class StaffCommands
{
    public const string AddStaff = "add-staff";

    /// <summary>The shortest password accepted, here and in the console.</summary>
    public const int MinimumPasswordLength = 12;

    private const string Usage =
        "usage: add-staff <username> --role admin|specialist [--display-name \"Name\"]  (password on standard input)";

    public static bool IsCommand(string[] args) => args is [AddStaff, ..];

    public static Task<int> RunAsync(string[] args, WebApplicationBuilder builder) =>
        RunAsync(args, builder, Console.In, Console.Out, Console.Error);

    internal static async Task<int> RunAsync(
        string[] args, WebApplicationBuilder builder, TextReader input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(builder);
        if (!TryParse(args, out var username, out var role, out var displayName, out var problem))
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var password = ReadPassword(input, error);
        if (password is null || password.Length < MinimumPasswordLength)
        {
            await error.WriteLineAsync($"The password must be at least {MinimumPasswordLength} characters (read from standard input).");
            return 2;
        }

        // The same database the service uses: the same data directory resolution and storage settings.
        DataDirectory.Resolve(builder);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(builder.Environment);
        services.AddBotStorage(builder.Configuration);
        await using var provider = services.BuildServiceProvider();
        var staff = provider.GetRequiredService<IStaffStore>();
        try
        {
            var account = await staff.CreateAsync(username, displayName ?? username, password, role);
            await provider.GetRequiredService<IAuditLog>().AppendAsync(
                new AuditEvent("command-line", StaffAudit.StaffAdded, Outcome: "ok", Detail: $"staff={account.Id} role={StaffAudit.RoleName(role)}"));
            await output.WriteLineAsync($"Added {StaffAudit.RoleName(role)} '{account.Username.ToLowerInvariant()}'. They sign in at /staff/login.");
            return 0;
        }
        catch (InvalidOperationException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    private static bool TryParse(
        string[] args, out string username, out StaffRole role, out string? displayName, out string problem)
    {
        username = "";
        role = StaffRole.Specialist;
        displayName = null;
        problem = "";
        string? roleText = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--role" when i + 1 < args.Length:
                    roleText = args[++i];
                    break;
                case "--display-name" when i + 1 < args.Length:
                    displayName = args[++i].Trim();
                    break;
                case var value when !value.StartsWith("--", StringComparison.Ordinal) && username.Length == 0:
                    username = value.Trim();
                    break;
                default:
                    problem = $"Unexpected argument '{args[i]}'.";
                    return false;
            }
        }

        if (username.Length == 0 || username.Length > 64 || username.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            problem = "Give a username (up to 64 characters, no spaces).";
            return false;
        }

        if (displayName is { Length: 0 or > 100 })
        {
            problem = "A display name has 1 to 100 characters.";
            return false;
        }

        switch (roleText)
        {
            case "admin":
                role = StaffRole.Admin;
                return true;
            case "specialist":
                role = StaffRole.Specialist;
                return true;
            default:
                problem = "Give --role admin or --role specialist.";
                return false;
        }
    }

    /// <summary>One line from standard input; typed at a terminal, it is not echoed.</summary>
    private static string? ReadPassword(TextReader input, TextWriter error)
    {
        if (!ReferenceEquals(input, Console.In) || Console.IsInputRedirected)
        {
            return input.ReadLine();
        }

        error.Write("Password: ");
        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                error.WriteLine();
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }
}
