using Microsoft.AspNetCore.Diagnostics;

namespace Rightscope.Features.Api;

/// <summary>
/// Everything under <c>/api</c> answers errors with problem details (RFC 7807), never with the HTML error pages
/// or a sign-in redirect: unknown API paths, wrong methods and unhandled exceptions included.
/// </summary>
public sealed class ApiProblemsMiddleware(RequestDelegate next, ILogger<ApiProblemsMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(http);
            return;
        }

        if (http.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        try
        {
            await next(http);
        }
        catch (Exception exception) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(exception, "Unhandled exception in API request {Method} {Path}", http.Request.Method, http.Request.Path);
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }

        if (!http.Response.HasStarted
            && http.Response.StatusCode >= StatusCodes.Status400BadRequest
            && http.Response.ContentLength is null
            && string.IsNullOrEmpty(http.Response.ContentType))
        {
            await TypedResults.Problem(statusCode: http.Response.StatusCode).ExecuteAsync(http);
        }
    }
}
