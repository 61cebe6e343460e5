using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Demo;
using Rightscope.Features.Accounts;
using Rightscope.Features.Api;
using Rightscope.Features.Remedy;
using Rightscope.Features.Shared;
using Rightscope.Infrastructure.Jobs;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Hosting;

/// <summary>Builds and configures the web host behind <c>rightscope serve</c>.</summary>
public static class RightscopeWebApp
{
    public static readonly CultureInfo[] SupportedCultures = [new("en"), new("zh-Hans")];

    public static WebApplication Build(string[] args, ServeOptions serve, OperatorConsole console, string? urls)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddEnvironmentVariables("RIGHTSCOPE_");
        if (urls is not null)
        {
            builder.WebHost.UseUrls(urls);
        }
        else if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(ServeOptions.DefaultUrl);
        }

        // No "Server: Kestrel": nothing tells a visitor what runs the site.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddSingleton(serve);
        builder.Services.AddSingleton(console);
        // First among hosted services: data protection's own start-up reads the key ring from the database,
        // which needs the migrations to have run.
        builder.Services.AddHostedService<StartupTasks>();
        builder.Services.AddRightscopeCore(builder.Configuration);
        builder.Services.AddRightscopeWeb();
        // After StartupTasks: jobs touch tables the migrations create.
        builder.Services.AddSingleton<JobRunner>();
        builder.Services.AddHostedService(services => services.GetRequiredService<JobRunner>());

        var app = builder.Build();
        app.UseRightscopePipeline();
        return app;
    }

    public static IServiceCollection AddRightscopeWeb(this IServiceCollection services)
    {
        services.AddSingleton<SetupToken>();
        services.AddScoped<DemoSeeder>();
        services.AddHttpContextAccessor();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        new IdentityBuilder(typeof(User), services).AddSignInManager();
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            options.OnRefreshingPrincipal = HandlerSession.CarryOver;
        });
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "rs.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // A case handler's private key leaves the cookie once it has lapsed (DESIGN §9.7), before the security-stamp
            // check (every minute, above) runs; that check is what makes a copied cookie useless after sign-out.
            var validateStamp = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                HandlerSession.ForgetLapsedKey(context);
                await validateStamp(context);
            };
            // A 403 status (rendered by the localized error page) instead of a redirect, so that the
            // authorization matrix and API clients see what happened.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options =>
        {
            options.Cookie.Name = "rs.2fa";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, options =>
        {
            options.Cookie.Name = "rs.2fa-remember";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "rs.af";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = "__rs_af";
        });

        services.AddAuthorizationBuilder()
            // Pages are private unless they say [AllowAnonymous].
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAuthorization(options =>
        {
            foreach (var permission in Enum.GetValues<Permission>())
            {
                options.AddPolicy(PermissionRequirement.PolicyName(permission), policy =>
                    policy.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)));
            }
        });
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddScoped<IAuthorizationHandler, TenantResourceHandler>();
        services.AddRightscopeApi();
        services.AddRemedy();
        Features.Hrdd.HrddTrackingServices.AddHrddTracking(services);

        services.AddLocalization();
        // Chinese text goes out as UTF-8 characters, not &#x…; entities: half the bytes, and searchable.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
                [new PublicChannelCultureProvider(), new Features.HumanRightsReports.PublicReportCultureProvider(), new Features.Transparency.PublicTransparencyCultureProvider(), new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        services.AddRazorPages(options =>
            {
                options.RootDirectory = "/Features";
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedText)))
            .AddMvcOptions(options =>
            {
                LocalizedModelBinding.Configure(options.ModelBindingMessageProvider);
                options.ModelBinderProviders.Insert(0, new BooleanFieldBinder.Provider());
            });
        return services;
    }

    public static WebApplication UseRightscopePipeline(this WebApplication app)
    {
        // Only explicitly configured proxies are believed. It runs before the public channel forgets the client's
        // address, so that a report sent through a TLS proxy is still answered as HTTPS (HSTS, Secure cookies).
        if (TrustedProxies.Options(app.Configuration) is { } forwarded)
        {
            app.UseForwardedHeaders(forwarded);
        }

        // Before anything else can read, store or log the client's address or browser on the public channel.
        app.UseMiddleware<PublicChannelPrivacy>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500");
        }

        app.UseHsts();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<StorageFullMiddleware>();
        app.UseMiddleware<ApiProblemsMiddleware>();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<OrganizationMiddleware>();
        app.UseAuthorization();

        app.MapRazorPages();
        app.MapRightscopeApi();
        app.MapGet("/healthz", async (RightscopeDbContext db, CancellationToken cancellationToken) =>
                await db.Database.CanConnectAsync(cancellationToken)
                    ? Results.Text("ok")
                    : Results.Text("database unreachable", statusCode: StatusCodes.Status503ServiceUnavailable))
            .AllowAnonymous()
            .WithName("Health")
            .WithSummary("200 when the database is reachable, 503 otherwise.");

        // Unknown addresses get the localized 404 page instead of the fallback policy's sign-in redirect.
        app.MapFallback("{*path}", context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            })
            .AllowAnonymous();
        return app;
    }
}
