using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using Rightscope.Features.Shared;

namespace Rightscope.Infrastructure.Web;

/// <summary>Model binding errors ("the value is not valid") in the user's language.</summary>
public static class LocalizedModelBinding
{
    public static void Configure(DefaultModelBindingMessageProvider provider)
    {
        provider.SetValueIsInvalidAccessor(value => Text("Validation.ValueInvalid", value));
        provider.SetAttemptedValueIsInvalidAccessor((value, field) => Text("Validation.ValueInvalid", value));
        provider.SetMissingBindRequiredValueAccessor(field => Text("Validation.Required"));
        provider.SetMissingKeyOrValueAccessor(() => Text("Validation.Required"));
        provider.SetMissingRequestBodyRequiredValueAccessor(() => Text("Validation.Required"));
        provider.SetNonPropertyAttemptedValueIsInvalidAccessor(value => Text("Validation.ValueInvalid", value));
        provider.SetNonPropertyUnknownValueIsInvalidAccessor(() => Text("Validation.ValueInvalid", ""));
        provider.SetNonPropertyValueMustBeANumberAccessor(() => Text("Validation.Number"));
        provider.SetUnknownValueIsInvalidAccessor(field => Text("Validation.ValueInvalid", ""));
        provider.SetValueMustBeANumberAccessor(field => Text("Validation.Number"));
        provider.SetValueMustNotBeNullAccessor(value => Text("Validation.Required"));
    }

    // The accessors run per request, so the localizer picks up the request's culture.
    private static string Text(string key, params object[] arguments) =>
        Localizer.Value[key, arguments];

    private static readonly Lazy<IStringLocalizer> Localizer = new(() =>
    {
        var factory = new ResourceManagerStringLocalizerFactory(
            Microsoft.Extensions.Options.Options.Create(new LocalizationOptions()),
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        return factory.Create(typeof(SharedText));
    });
}
