namespace Clusterdeck.Web.Components.Admin;

/// <summary>The notice editor's one field, as the browser posts it.</summary>
public sealed class NoticeForm
{
    public string? Text { get; set; }
}
