using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Rightscope.Infrastructure.Web;

/// <summary>
/// Binds yes/no fields (checkboxes) like the built-in binder, except that a value that is not <c>true</c> or
/// <c>false</c> is an error whose form value is kept as <c>false</c>: the checkbox tag helper re-renders a form from
/// the posted value and throws on anything else, which turned a tampered field into a 500 instead of a 400.
/// </summary>
public sealed class BooleanFieldBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        if (bool.TryParse(result.FirstValue, out var value))
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
            bindingContext.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, rawValue: false, attemptedValue: bool.FalseString);
        bindingContext.ModelState.TryAddModelError(
            bindingContext.ModelName,
            bindingContext.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(
                result.FirstValue ?? "", bindingContext.ModelMetadata.GetDisplayName()));
        bindingContext.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }

    /// <summary>Used for every <see cref="bool"/> bound from form, query or route values (not <c>bool?</c>, which no checkbox posts).</summary>
    public sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            var source = context.BindingInfo.BindingSource;
            var fromRequestValues = source is null
                || source.CanAcceptDataFrom(BindingSource.Form) || source.CanAcceptDataFrom(BindingSource.Query) || source.CanAcceptDataFrom(BindingSource.Path);
            return context.Metadata.ModelType == typeof(bool) && fromRequestValues ? new BooleanFieldBinder() : null;
        }
    }
}
