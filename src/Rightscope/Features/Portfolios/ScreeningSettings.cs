namespace Rightscope.Features.Portfolios;

/// <summary>The <c>Screening</c> configuration section.</summary>
public sealed class ScreeningSettings
{
    public const string Section = "Screening";

    /// <summary>Months after its approval that an assessment is due for review (1–120; default 12).</summary>
    public int ReviewAfterMonths { get; set; } = Core.Portfolios.Screening.ScreeningOptions.DefaultReviewAfterMonths;

    public bool IsValid => ReviewAfterMonths is >= 1 and <= 120;
}

public static class ScreeningServices
{
    /// <summary>Binds <see cref="ScreeningSettings"/> and refuses to start with a review period outside 1–120 months.</summary>
    public static IServiceCollection AddScreening(this IServiceCollection services)
    {
        services.AddOptions<ScreeningSettings>()
            .BindConfiguration(ScreeningSettings.Section)
            .Validate(s => s.IsValid, $"{ScreeningSettings.Section}:{nameof(ScreeningSettings.ReviewAfterMonths)} must be a whole number of months from 1 to 120.")
            .ValidateOnStart();
        services.AddSingleton<ScreeningCache>();
        return services;
    }
}
