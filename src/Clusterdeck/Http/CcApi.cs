using Microsoft.AspNetCore.WebUtilities;

namespace Clusterdeck.Http;

/// <summary>cc-backend's response shapes, which its clients parse.</summary>
internal static class CcApi
{
    /// <summary>cc-backend's error body: <c>{"status": "&lt;reason phrase&gt;", "error": "&lt;message&gt;"}</c>.</summary>
    public static IResult Error(int status, string message) =>
        Results.Json(new CcError(ReasonPhrases.GetReasonPhrase(status), message), statusCode: status);

    /// <summary>cc-backend's success body for updates: <c>{"msg": "..."}</c>.</summary>
    public static IResult Message(string message) => Results.Json(new CcMessage(message));
}

internal sealed record CcError(string Status, string Error);

internal sealed record CcMessage(string Msg);

/// <summary>A user as cc-backend's <c>GET /api/users/</c> lists it; absent strings are empty, as Go writes them.</summary>
internal sealed record CcUser(string Username, string Name, IReadOnlyList<string> Roles, string Email, IReadOnlyList<string> Projects);
