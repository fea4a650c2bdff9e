using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Storage;
using IopGuideBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IopGuideBot.Tests.StaffConsole;

/// <summary>One running service for a console test class, on a clock the tests move, with an admin and two specialists.</summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string Password = "a long enough passphrase 1";

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public BotService Service { get; private set; } = null!;

    public StaffAccount Admin { get; private set; } = null!;

    public StaffAccount Specialist { get; private set; } = null!;

    public StaffAccount OtherSpecialist { get; private set; } = null!;

    public IHandoffStore Handoffs => Service.Services.GetRequiredService<IHandoffStore>();

    public IStaffStore Staff => Service.Services.GetRequiredService<IStaffStore>();

    public IAuditLog Audit => Service.Services.GetRequiredService<IAuditLog>();

    public IActivityLog ActivityLog => Service.Services.GetRequiredService<IActivityLog>();

    public async Task InitializeAsync()
    {
        Service = new BotService(configureServices: services => services.AddSingleton<TimeProvider>(Clock));
        _ = Service.BaseAddress;
        Admin = await Staff.CreateAsync("ada", "Ada Admin", Password, StaffRole.Admin);
        Specialist = await Staff.CreateAsync("sam", "Sam Rivera", Password);
        OtherSpecialist = await Staff.CreateAsync("kim", "Kim Osei", Password);
    }

    public Task<StaffConsoleClient> SignInAsync(string username) =>
        StaffConsoleClient.SignedInAsync(Service.BaseAddress, username, Password);

    public Task<HandoffRecord> NewHandoffAsync(HandoffUrgency urgency = HandoffUrgency.Routine, string? conversationId = null) =>
        Handoffs.CreateOrUpdateAsync(new HandoffRequest
        {
            ConversationId = conversationId ?? "console-test-" + Guid.NewGuid().ToString("N"),
            Urgency = urgency,
            ForWhom = InquiryFor.FamilyMember,
            RiskFlags = urgency == HandoffUrgency.Urgent ? ["crisis:suicide-or-self-harm"] : [],
            Summary = "Triage: IopGoodFit",
            Contact = new HandoffContact { Method = ContactMethod.PhoneCall, Name = "Robin", Phone = "+15552013344", BestTime = "evenings", VoicemailOk = false },
        });

    public async Task DisposeAsync() => await Service.DisposeAsync();
}
