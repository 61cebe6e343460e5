namespace Rightscope.Core.Charts;

/// <summary>
/// What a chart says to assistive technology: its <c>&lt;title&gt;</c> and <c>&lt;desc&gt;</c>, and the id prefix
/// that makes their ids (and the chart's pattern ids) unique on the page.
/// </summary>
public sealed record ChartText
{
    public ChartText(string id, string title, string description)
    {
        if (string.IsNullOrEmpty(id) || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || !char.IsAsciiLetter(id[0]))
        {
            throw new ArgumentException("A chart id starts with a letter and has only ASCII letters, digits and hyphens.", nameof(id));
        }

        Id = id;
        Title = title;
        Description = description;
    }

    public string Id { get; }

    public string Title { get; }

    public string Description { get; }
}

/// <summary>A fill pattern laid over a tone's colour, so series are told apart without colour too.</summary>
public enum ChartPattern
{
    None,
    Diagonal,
    Dots,
    CrossHatch,
    Horizontal,
}

/// <summary>How a series or bar looks: a CSS tone (<c>chart-tone-{tone}</c> in the site CSS) and a pattern.</summary>
public sealed record ChartStyle(string Tone, ChartPattern Pattern = ChartPattern.None);
