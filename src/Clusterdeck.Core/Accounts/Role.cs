namespace Clusterdeck.Core.Accounts;

/// <summary>
/// The roles of cc-backend, in its order of privilege. Stored and sent on the wire in lower case
/// (<c>api</c>, <c>user</c>, <c>manager</c>, <c>support</c>, <c>admin</c>).
/// </summary>
public enum Role
{
    Api,
    User,
    Manager,
    Support,
    Admin,
}
