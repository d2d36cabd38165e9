namespace Clusterdeck.Data.Entities;

/// <summary>Row of table <c>users</c>. Roles and projects are JSON arrays of strings, as in cc-backend's <c>hpc_user</c>.</summary>
internal sealed class UserEntity
{
    public required string Username { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string Roles { get; set; } = "[]";
    public string Projects { get; set; } = "[]";
    public int AuthSource { get; set; }
    public string? PasswordHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
