using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Rightscope.Core.Accounts;

namespace Rightscope.Features.Api;

/// <summary>The REST API under <c>/api/v1</c> (DESIGN §5) and its OpenAPI document at <c>/openapi/v1.json</c>.</summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    public const string PolicyName = "api-token";

    public static IServiceCollection AddRightscopeApi(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(
                ApiTokenAuthenticationHandler.SchemeName, _ => { });
        services.AddAuthorizationBuilder().AddPolicy(PolicyName, policy => policy
            // Only the token scheme: a signed-in browser's cookie is not even read, so the API has no CSRF surface.
            .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
        // Enums go out and come in as the API's kebab-case codes ("in-review", "weighted-mean"), as the methodology documents spell them.
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)));
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description =>
                description.RelativePath?.StartsWith(Prefix.TrimStart('/') + "/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Rightscope API";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An API token of the organization (rs_…), created by an owner on the API tokens page.",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference("bearer", document)] = [],
                });
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static WebApplication MapRightscopeApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();

        var organization = app.MapGroup(Prefix + "/orgs/{org}")
            .WithMetadata(ApiEndpointMetadata.Instance)
            .RequireAuthorization(PolicyName)
            .AddEndpointFilter<ApiOrganizationFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        organization.MapMethodologyApi();
        organization.MapAssessmentApi();
        organization.MapPortfolioApi();
        organization.MapEngagementApi();
        organization.MapCompanyApi();
        organization.MapDecisionApi();
        return app;
    }

    /// <summary>The permission the token's role needs for this endpoint (any one of several), checked by <see cref="ApiOrganizationFilter"/>.</summary>
    public static TBuilder RequireApiPermission<TBuilder>(this TBuilder builder, Permission permission, params Permission[] alternatives)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiPermission([permission, .. alternatives]));
}
