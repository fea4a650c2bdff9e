using System.Globalization;
using System.Security.Claims;
using IopGuideBot.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace IopGuideBot.StaffConsole;

public static class StaffConsoleServiceCollectionExtensions
{
    /// <summary>Cookie scheme of the console; nothing else in the service signs in with cookies.</summary>
    public const string Scheme = "StaffConsole";

    /// <summary>Any enabled staff member (specialist or admin).</summary>
    public const string StaffPolicy = "Staff";

    /// <summary>Admins only: staff accounts, the audit log, insights.</summary>
    public const string AdminPolicy = "StaffAdmin";

    /// <summary>Sent by the console's own script on live-update fetches, which must not keep an idle session alive.</summary>
    public const string BackgroundHeader = "X-Staff-Background";

    internal const string SignedInAtClaim = "signed_in_at";

    /// <summary>
    /// The staff console: Razor Pages under <c>/staff</c>, cookie sign-in (idle and absolute timeouts, lockout,
    /// accounts re-checked on every request so a disabled account or a sign-out ends every session), roles, antiforgery.
    /// Settings come from the <c>StaffConsole</c> section (<see cref="StaffConsoleOptions"/>).
    /// </summary>
    public static IServiceCollection AddStaffConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StaffConsoleOptions>()
            .Bind(configuration.GetSection(StaffConsoleOptions.SectionName))
            .Validate(o => o.IdleTimeout > TimeSpan.Zero && o.AbsoluteTimeout >= o.IdleTimeout, "StaffConsole timeouts must be positive, absolute ≥ idle.")
            .Validate(o => o.MaxFailedSignIns > 0 && o.LockoutDuration > TimeSpan.Zero, "StaffConsole lockout settings must be positive.")
            .ValidateOnStart();

        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/StaffConsole/Pages";
            options.Conventions.AuthorizeFolder("/", StaffPolicy);
            options.Conventions.AllowAnonymousToPage("/Login");
            options.Conventions.AuthorizeFolder("/Admin", AdminPolicy);
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "iop.staff.af";
            options.Cookie.Path = StaffConsoleEndpoints.BasePath;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = "__af";
        });

        services.AddAuthentication()
            .AddCookie(Scheme, _ => { });
        services.AddOptions<CookieAuthenticationOptions>(Scheme)
            .Configure<IOptions<StaffConsoleOptions>>((cookie, console) =>
            {
                cookie.Cookie.Name = "iop.staff";
                cookie.Cookie.Path = StaffConsoleEndpoints.BasePath;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = console.Value.IdleTimeout;
                cookie.SlidingExpiration = true;
                cookie.LoginPath = StaffConsoleEndpoints.BasePath + "/login";
                cookie.LogoutPath = StaffConsoleEndpoints.BasePath + "/logout";
                cookie.AccessDeniedPath = StaffConsoleEndpoints.BasePath + "/denied";
                cookie.Events = new CookieAuthenticationEvents
                {
                    // Every person-made request restarts the idle clock; a live-update fetch never does.
                    OnCheckSlidingExpiration = context =>
                    {
                        context.ShouldRenew = !IsBackground(context.Request);
                        return Task.CompletedTask;
                    },
                    OnValidatePrincipal = ValidateAccountAsync,
                    OnRedirectToLogin = context =>
                    {
                        if (IsBackground(context.Request))
                        {
                            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        }
                        else
                        {
                            context.Response.Redirect(context.RedirectUri);
                        }

                        return Task.CompletedTask;
                    },
                    OnRedirectToAccessDenied = async context =>
                    {
                        var staffId = context.HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
                        await context.HttpContext.RequestServices.GetRequiredService<IAuditLog>().AppendAsync(
                            new AuditEvent(staffId, StaffAudit.Denied, Outcome: "denied", Detail: "path=" + context.Request.Path.Value));
                        context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    },
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, policy => policy
                .AddAuthenticationSchemes(Scheme)
                .RequireAuthenticatedUser()
                .RequireRole(StaffRoles.Specialist, StaffRoles.Admin))
            .AddPolicy(AdminPolicy, policy => policy
                .AddAuthenticationSchemes(Scheme)
                .RequireAuthenticatedUser()
                .RequireRole(StaffRoles.Admin));

        services.AddScoped<ConsoleActions>();
        services.AddScoped<Transcripts>();
        services.AddScoped<Insights>();
        return services;
    }

    internal static bool IsBackground(HttpRequest request) =>
        request.Headers.ContainsKey(BackgroundHeader) || request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.Ordinal);

    internal static ClaimsPrincipal PrincipalFor(StaffAccount account, DateTimeOffset signedInAt) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, account.Id),
        new Claim(ClaimTypes.Name, account.DisplayName),
        new Claim(ClaimTypes.Role, StaffAudit.RoleName(account.Role)),
        new Claim(SignedInAtClaim, signedInAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
    ], Scheme));

    /// <summary>
    /// The cookie alone is not trusted: the account must still exist, be enabled, have the same role, not have signed out
    /// since this session began, and the session must be younger than the absolute limit.
    /// </summary>
    private static async Task ValidateAccountAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var account = id is null ? null : await services.GetRequiredService<IStaffStore>().GetAsync(id, context.HttpContext.RequestAborted);
        var signedInAt = long.TryParse(context.Principal?.FindFirstValue(SignedInAtClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DateTimeOffset.MinValue;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var options = services.GetRequiredService<IOptions<StaffConsoleOptions>>().Value;
        if (account is null || account.Disabled
            || !context.Principal!.IsInRole(StaffAudit.RoleName(account.Role))
            || (account.SessionsValidAfter is { } after && signedInAt < after)
            || now - signedInAt > options.AbsoluteTimeout)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }
}
