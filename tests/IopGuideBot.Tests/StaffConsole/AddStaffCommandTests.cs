using System.Net;
using IopGuideBot.Storage;
using IopGuideBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IopGuideBot.Tests.StaffConsole;

/// <summary>
/// <c>add-staff</c> run as the real executable: the password comes from standard input, the role is stored, there is no
/// other way in (no default account), and the account it makes signs in to the running service.
/// </summary>
[Collection(ServiceProcessCollection.Name)]
public sealed class AddStaffCommandTests
{
    private const string Password = "first admin passphrase 7";

    [Fact]
    public async Task The_first_admin_is_created_from_the_command_line_and_signs_in_to_the_console()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "iopguidebot-tests", Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string> { ["Storage__DataDirectory"] = dataDirectory };

        // No account exists until one is made.
        await using (var fresh = new BotService(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory }))
        {
            using var nobody = new StaffConsoleClient(fresh.BaseAddress);
            Assert.Equal(HttpStatusCode.Unauthorized, (await nobody.SignInAsync("admin", "admin")).StatusCode);
            Assert.Empty(await fresh.Services.GetRequiredService<IStaffStore>().ListAsync());
        }

        var added = await ServiceProcess.RunCommandAsync(["add-staff", "Avery", "--role", "admin", "--display-name", "Avery Quinn"], Password, environment);
        Assert.True(added.ExitCode == 0, added.Error);
        Assert.DoesNotContain(Password, added.Output + added.Error, StringComparison.Ordinal);

        var again = await ServiceProcess.RunCommandAsync(["add-staff", "avery", "--role", "specialist"], Password, environment);
        Assert.Equal(1, again.ExitCode);
        var noRole = await ServiceProcess.RunCommandAsync(["add-staff", "blake"], Password, environment);
        Assert.Equal(2, noRole.ExitCode);
        var shortPassword = await ServiceProcess.RunCommandAsync(["add-staff", "blake", "--role", "specialist"], "short", environment);
        Assert.Equal(2, shortPassword.ExitCode);
        var specialist = await ServiceProcess.RunCommandAsync(["add-staff", "blake", "--role", "specialist"], Password, environment);
        Assert.Equal(0, specialist.ExitCode);

        await using var service = new BotService(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory });
        var staff = service.Services.GetRequiredService<IStaffStore>();
        var avery = await staff.FindByUsernameAsync("avery");
        Assert.Equal(StaffRole.Admin, avery?.Role);
        Assert.Equal("Avery Quinn", avery?.DisplayName);
        Assert.Equal(StaffRole.Specialist, (await staff.FindByUsernameAsync("blake"))?.Role);
        Assert.Equal(2, (await staff.ListAsync()).Count);

        using var console = await StaffConsoleClient.SignedInAsync(service.BaseAddress, "avery", Password);
        Assert.Equal(HttpStatusCode.OK, (await console.GetAsync("/staff/admin/staff")).StatusCode);
        using var blake = await StaffConsoleClient.SignedInAsync(service.BaseAddress, "blake", Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await blake.GetAsync("/staff/admin/staff")).StatusCode);
    }
}
