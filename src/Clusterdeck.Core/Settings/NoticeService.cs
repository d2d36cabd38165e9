using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Errors;
using Microsoft.Extensions.Logging;

namespace Clusterdeck.Core.Settings;

/// <summary>
/// The notice administrators show to every signed-in user at the top of each page (cc-backend's <c>notice.txt</c>, edited
/// on its admin page). It is read on every page, straight from the store, so a change made on one replica shows on all.
/// </summary>
public sealed partial class NoticeService(ISettingsStore store, ILogger<NoticeService> logger)
{
    /// <summary>A banner of a few lines; longer text belongs on a page of its own.</summary>
    public const int MaxLength = 500;

    internal const string SettingName = "notice";

    /// <summary>The current notice, or null when there is none.</summary>
    public async Task<string?> GetAsync(CancellationToken cancellationToken)
    {
        var text = await store.GetAsync(SettingName, cancellationToken);
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>
    /// Sets the notice (admins only); empty or blank text removes it. The text is stored as typed, trimmed; pages
    /// write it as text, never as markup.
    /// </summary>
    public async Task<string?> SetAsync(Caller caller, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.HasRole(Role.Admin))
        {
            throw new AccessDeniedException("only admins may change the notice");
        }

        var notice = Normalise(text);
        await store.SetAsync(SettingName, notice, cancellationToken);
        if (notice is null)
        {
            LogNoticeCleared(logger, caller.Username);
        }
        else
        {
            LogNoticeSet(logger, caller.Username, notice.Length);
        }

        return notice;
    }

    /// <summary>The notice as it will be stored: trimmed, null when blank; too long or control characters are refused.</summary>
    public static string? Normalise(string? text)
    {
        var notice = text?.Trim();
        if (string.IsNullOrEmpty(notice))
        {
            return null;
        }

        if (notice.Length > MaxLength)
        {
            throw new InvalidInputException($"the notice may be at most {MaxLength} characters long, not {notice.Length}");
        }

        // Line breaks stay (the banner shows them); other control characters would only garble the page.
        if (notice.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            throw new InvalidInputException("the notice must not contain control characters");
        }

        return notice;
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Notice set by {Actor} ({Length} characters)")]
    private static partial void LogNoticeSet(ILogger logger, string actor, int length);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Notice removed by {Actor}")]
    private static partial void LogNoticeCleared(ILogger logger, string actor);
}
