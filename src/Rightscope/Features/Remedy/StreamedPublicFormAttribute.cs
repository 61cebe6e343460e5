using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Rightscope.Features.Remedy;

/// <summary>
/// For the public pages that take files: the framework must not read the form (it would buffer files over 64 KB to
/// plaintext temporary files), so form model binding is off and <see cref="PublicFormReader"/> reads the body, checking
/// the anti-forgery token itself before anything else (the global filter would read the whole form first; it stays on
/// every other page). The body limit follows <c>Remedy:Uploads</c> for multipart posts and stays small for the rest.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StreamedPublicFormAttribute : Attribute, IResourceFilter, IOrderedFilter
{
    // Before RequestFormLimits and anything else that could touch the body.
    public int Order => int.MinValue + 100;

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        context.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
        context.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
        context.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
        var request = context.HttpContext.Request;
        var multipart = request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;
        var limit = multipart ? context.HttpContext.RequestServices.GetRequiredService<RemedySettings>().Uploads.MaxRequestBytes : PublicChannelPage.MaxRequestBytes;
        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
