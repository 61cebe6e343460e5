using System.Threading.RateLimiting;
using Microsoft.Extensions.Localization;
using Rightscope.Hosting;

namespace Rightscope.Features.Remedy;

public static class RemedyServices
{
    /// <summary>The rate-limiter policy of the public channel's forms.</summary>
    public const string ChannelPolicy = "remedy-channel";

    public static IServiceCollection AddRemedy(this IServiceCollection services)
    {
        services.AddSingleton(sp => RemedySettings.From(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<ServeOptions>()));
        services.AddHostedService<RemedySettingsCheck>();
        services.AddSingleton<KeyDerivationQueue>();
        services.AddScoped<HandlerSession>();
        services.AddScoped<CaseIntake>();
        services.AddRateLimiter(options =>
        {
            // Kept in memory and partitioned by channel, never by client address (DESIGN §9.8): posts that exceed the
            // channel's budget get the "try again in a minute" page.
            options.AddPolicy(ChannelPolicy, http =>
            {
                if (!HttpMethods.IsPost(http.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }

                var perMinute = http.RequestServices.GetRequiredService<RemedySettings>().PostsPerChannelPerMinute;
                var channel = (http.GetRouteValue("channel") as string ?? "").ToLowerInvariant();
                return RateLimitPartition.GetTokenBucketLimiter(channel, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perMinute,
                    TokensPerPeriod = perMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, cancellationToken) => BusyPage.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, cancellationToken);
        });
        return services;
    }
}

/// <summary>The "try again in a minute" answer of the public channel, when the queue or the rate limit is full.</summary>
public static class BusyPage
{
    public static async ValueTask WriteAsync(HttpContext http, int status, CancellationToken cancellationToken)
    {
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<RemedyText>>();
        var language = PublicChannelCultureProvider.LanguageOf(http.Request);
        http.Response.StatusCode = status;
        http.Response.Headers.RetryAfter = "60";
        http.Response.ContentType = "text/html; charset=utf-8";
        var title = System.Net.WebUtility.HtmlEncode(text["Busy.Title"]);
        var message = System.Net.WebUtility.HtmlEncode(text["Busy.Message"]);
        var back = System.Net.WebUtility.HtmlEncode(text["Busy.Back"]);
        var path = System.Net.WebUtility.HtmlEncode(http.Request.Path + http.Request.QueryString);
        await http.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            $"<title>{title}</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main id=\"main\"><h1>{title}</h1><p>{message}</p>" +
            $"<p><a href=\"{path}\">{back}</a></p></main></body></html>",
            cancellationToken);
    }
}
