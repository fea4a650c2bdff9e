using IopGuideBot.Channels;
using IopGuideBot.Conversation;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.DirectLine;
using IopGuideBot.Hosting;
using IopGuideBot.LiveChat;
using IopGuideBot.StaffConsole;
using IopGuideBot.Storage;
using IopGuideBot.Turns;
using IopGuideBot.WebChat;
using Serilog;

ClinicLogging.UseStartupLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    if (ContentCommands.IsCommand(args))
    {
        return ContentCommands.Run(args, builder.Configuration);
    }

    if (StaffCommands.IsCommand(args))
    {
        return await StaffCommands.RunAsync(args, builder);
    }

    var dataDirectory = DataDirectory.Resolve(builder);
    builder.AddClinicLogging(dataDirectory);

    builder.Services.AddProblemDetails();
    builder.Services.AddHealthChecks();
    builder.Services.AddBotStorage(builder.Configuration);
    builder.AddKeyRingProtection();
    builder.Services.AddClinicConversation(builder.Configuration);
    builder.Services.AddSafetyAndTriage();
    builder.Services.AddHandoffRecording();
    builder.Services.AddTurnPipeline();
    builder.Services.AddBotChannel(builder.Configuration);
    builder.Services.AddDirectLine(builder.Configuration);
    builder.Services.AddOutboundReplies(builder.Configuration);
    builder.Services.AddLiveChat(builder.Configuration);
    builder.Services.AddClinicMetrics(builder.Configuration);
    builder.Services.AddStaffConsole(builder.Configuration);
    builder.Services.AddHostedService<AfterStartupWork>();

    var app = builder.Build();

    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseClinicRequestLogging();
    app.UseWebsiteChatTransport();

    app.MapHealthEndpoints();
    app.MapBotMessagesEndpoints();
    app.MapDirectLineEndpoints();
    app.MapWebChatPage();
    app.MapMetricsEndpoint();
    app.MapStaffConsole();

    app.EnsureChannelSettingsAreSafe();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    // One clear line: configuration problems (e.g. anonymous in Production, invalid content) say what to change.
    Log.Fatal("IopGuideBot stopped: {Reason}", ex is Microsoft.Extensions.Options.OptionsValidationException ? ex.Message : ex.GetType().Name + ": " + ex.Message);
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point; public so the tests can host the service.</summary>
public partial class Program;
