using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Rightscope.Features.Assessments;
using Rightscope.Features.Shared;

namespace Rightscope.Features.Api;

/// <summary>What every API endpoint does the same way: reading a JSON body, paging, the actor, and turning outcomes into results.</summary>
public static class ApiSupport
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 200;

    /// <summary>
    /// Documents the JSON body that the handler reads itself. <c>Accepts&lt;T&gt;</c> would do it too, but it also makes
    /// routing match on Content-Type, so a request without one would fall through to the 404 fallback.
    /// </summary>
    public static RouteHandlerBuilder WithJsonBody<T>(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken) },
                },
            };
        });

    /// <summary>The organization, the person accountable (the token's creator) and how the audit trail names the token.</summary>
    public static CommandActor ActorOf(ClaimsPrincipal user)
    {
        var caller = ApiTokenAuthenticationHandler.Caller(user) ?? throw new InvalidOperationException("The request has no API token.");
        var writer = ApiTokenAuthenticationHandler.Writer(user) ?? throw new InvalidOperationException("The request has no API token.");
        return new CommandActor(caller.OrganizationId, writer.CreatedByUserId, writer.Audit);
    }

    /// <summary>The organization of the token, to check a loaded resource against once more after the tenant filter.</summary>
    public static Guid? OrganizationOf(ClaimsPrincipal user) => ApiTokenAuthenticationHandler.Caller(user)?.OrganizationId;

    public static ValidationProblem Invalid(CommandOutcome outcome) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>(outcome.Errors), detail: outcome.Message);

    public static ValidationProblem Invalid(string field, string message, string detail) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: detail);

    /// <summary>Field errors are 400; a status that forbids the command and a lost race are 409; an unknown id is 404.</summary>
    public static Results<TDone, ValidationProblem, NotFound, ProblemHttpResult> Failed<TDone>(CommandOutcome outcome)
        where TDone : IResult => outcome.Status switch
        {
            CommandStatus.Invalid => Invalid(outcome),
            CommandStatus.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status409Conflict),
        };

    /// <summary>Checks <c>page</c> (from 1) and <c>pageSize</c> (1–<see cref="MaxPageSize"/>), adding field errors for bad ones.</summary>
    public static (int Page, int Size) Paging(HttpContext http, int? page, int? pageSize, FieldErrors errors)
    {
        var text = Text(http);
        var (number, size) = (page ?? 1, pageSize ?? DefaultPageSize);
        if (number < 1)
        {
            errors.Add("page", text["Api.PageInvalid"]);
        }

        if (size is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", text["Api.PageSizeInvalid", MaxPageSize]);
        }

        return (number, size);
    }

    /// <summary>A 400 for query parameters, listing every bad one.</summary>
    public static ValidationProblem QueryInvalid(HttpContext http, FieldErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), detail: Text(http)["Api.QueryInvalid"]);

    /// <summary>
    /// Reads the JSON body after the token's organization and permission were checked (a bound parameter would be
    /// read before the endpoint filter runs). A malformed body is a 400 that names the field, never a 500.
    /// </summary>
    public static async Task<(T? Body, ValidationProblem? Invalid)> ReadJsonAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var text = Text(request.HttpContext);
        ValidationProblem Problem(string field, string message) => Invalid(field, message, text["Api.BodyInvalid"]);

        if (!request.HasJsonContentType())
        {
            return (null, Problem("body", text["Api.JsonRequired"]));
        }

        try
        {
            var json = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var body = await request.ReadFromJsonAsync<T>(json, cancellationToken);
            return body is null ? (null, Problem("body", text["Api.JsonRequired"])) : (body, null);
        }
        catch (JsonException exception)
        {
            var path = exception.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "body";
            return (null, Problem(path, text["Api.JsonInvalid"]));
        }
        catch (BadHttpRequestException)
        {
            return (null, Problem("body", text["Api.JsonInvalid"]));
        }
    }

    private static IStringLocalizer<SharedText> Text(HttpContext http) =>
        http.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>();
}
