using System.Text.RegularExpressions;
using Clusterdeck.Core.Errors;
using Microsoft.Extensions.Logging;

namespace Clusterdeck.Core.Accounts;

/// <summary>
/// Account management for every adapter (REST, cc-backend compatibility routes, CLI, UI).
/// Access is decided here from the <see cref="Caller"/>, never by the adapter.
/// </summary>
public sealed partial class UserService(IUserStore store, ILogger<UserService> logger)
{
    public const int MaxUsernameLength = 100;

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9._@+-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();

    public async Task<IReadOnlyList<UserAccount>> ListAsync(Caller caller, bool withSpecialRolesOnly, CancellationToken cancellationToken)
    {
        RequireAdmin(caller, "list users");
        var users = await store.ListAsync(cancellationToken);
        // cc-backend's "not-just-user": everybody whose roles are more than plain [user].
        return withSpecialRolesOnly
            ? [.. users.Where(u => u.Roles.Count > 0 && !(u.Roles.Count == 1 && u.Roles[0] == Role.User))]
            : users;
    }

    public async Task<UserAccount> GetAsync(Caller caller, string username, CancellationToken cancellationToken)
    {
        if (!AccessRules.CanReadUser(caller, username))
        {
            throw new AccessDeniedException("only admins may read other users' accounts");
        }

        return await store.FindAsync(username, cancellationToken) ?? throw UserNotFound(username);
    }

    /// <summary>
    /// cc-backend's user profile lookup (GraphQL <c>user</c>, a job's <c>userData</c>): admins, support and managers
    /// may look anyone up, others only themselves. Null when no such account exists (users known only from jobs).
    /// </summary>
    public async Task<UserAccount?> FindProfileAsync(Caller caller, string username, CancellationToken cancellationToken)
    {
        if (!AccessRules.CanSeeUserProfile(caller, username))
        {
            throw new AccessDeniedException("forbidden");
        }

        return await store.FindAsync(username, cancellationToken);
    }

    public async Task<UserAccount> CreateAsync(Caller caller, NewUser request, CancellationToken cancellationToken)
    {
        RequireAdmin(caller, "create users");
        ValidateUsername(request.Username);
        ValidateEmail(request.Email);
        var projects = NormaliseProjects(request.Projects);

        var apiOnly = request.Roles.Count == 1 && request.Roles[0] == Role.Api;
        if (request.AuthSource == AuthSource.Local && string.IsNullOrEmpty(request.Password) && !apiOnly)
        {
            throw new InvalidInputException("a password is required, except for users whose only role is 'api' (they cannot log in)");
        }

        if (!string.IsNullOrEmpty(request.Password))
        {
            ValidatePassword(request.Password);
        }

        var user = new UserAccount
        {
            Username = request.Username,
            Name = NullIfBlank(request.Name),
            Email = NullIfBlank(request.Email),
            Roles = Sorted(request.Roles),
            Projects = projects,
            AuthSource = request.AuthSource,
            PasswordHash = string.IsNullOrEmpty(request.Password) ? null : PasswordHasher.Hash(request.Password),
        };

        if (!await store.AddAsync(user, cancellationToken))
        {
            throw new ConflictException($"user '{request.Username}' already exists");
        }

        LogUserCreated(logger, user.Username, caller.Username, user.Roles);
        return user;
    }

    public async Task<UserAccount> UpdateAsync(Caller caller, string username, UserChanges changes, CancellationToken cancellationToken)
    {
        var changesAccess = changes.Roles is not null || changes.Projects is not null;
        if (changesAccess ? !AccessRules.CanManageUsers(caller) : !AccessRules.CanReadUser(caller, username))
        {
            throw new AccessDeniedException(changesAccess
                ? "only admins may change roles or projects"
                : "only admins may change other users' accounts");
        }

        var user = await store.FindAsync(username, cancellationToken) ?? throw UserNotFound(username);
        ValidateEmail(changes.Email);
        if (changes.Password is not null)
        {
            if (user.AuthSource != AuthSource.Local)
            {
                throw new InvalidInputException($"user '{username}' authenticates through {user.AuthSource}; its password is not kept here");
            }

            ValidatePassword(changes.Password);
        }

        var updated = user with
        {
            Name = changes.Name is null ? user.Name : NullIfBlank(changes.Name),
            Email = changes.Email is null ? user.Email : NullIfBlank(changes.Email),
            Roles = changes.Roles is null ? user.Roles : Sorted(changes.Roles),
            Projects = changes.Projects is null ? user.Projects : NormaliseProjects(changes.Projects),
            PasswordHash = changes.Password is null ? user.PasswordHash : PasswordHasher.Hash(changes.Password),
        };
        await SaveAsync(updated, cancellationToken);
        LogUserUpdated(logger, username, caller.Username);
        return updated;
    }

    public async Task DeleteAsync(Caller caller, string username, CancellationToken cancellationToken)
    {
        RequireAdmin(caller, "delete users");
        if (!await store.DeleteAsync(username, cancellationToken))
        {
            throw UserNotFound(username);
        }

        LogUserDeleted(logger, username, caller.Username);
    }

    public Task<UserAccount> AddRoleAsync(Caller caller, string username, string roleName, CancellationToken cancellationToken) =>
        ChangeAsync(caller, username, user =>
        {
            var role = ParseRole(roleName);
            if (user.HasRole(role))
            {
                throw new ConflictException($"user '{username}' already has role '{role.ToName()}'");
            }

            return user with { Roles = Sorted([.. user.Roles, role]) };
        }, cancellationToken);

    public Task<UserAccount> RemoveRoleAsync(Caller caller, string username, string roleName, CancellationToken cancellationToken) =>
        ChangeAsync(caller, username, user =>
        {
            var role = ParseRole(roleName);
            if (!user.HasRole(role))
            {
                throw new ConflictException($"user '{username}' does not have role '{role.ToName()}'");
            }

            if (role == Role.Manager && user.Projects.Count > 0)
            {
                throw new ConflictException($"cannot remove role 'manager' while user '{username}' still manages project(s) {string.Join(", ", user.Projects)}");
            }

            return user with { Roles = [.. user.Roles.Where(r => r != role)] };
        }, cancellationToken);

    public Task<UserAccount> AddProjectAsync(Caller caller, string username, string project, CancellationToken cancellationToken) =>
        ChangeAsync(caller, username, user =>
        {
            if (!user.HasRole(Role.Manager))
            {
                throw new ConflictException($"user '{username}' is not a manager");
            }

            if (user.Projects.Contains(project, StringComparer.Ordinal))
            {
                throw new ConflictException($"user '{username}' already manages project '{project}'");
            }

            return user with { Projects = NormaliseProjects([.. user.Projects, project]) };
        }, cancellationToken);

    public Task<UserAccount> RemoveProjectAsync(Caller caller, string username, string project, CancellationToken cancellationToken) =>
        ChangeAsync(caller, username, user =>
        {
            if (!user.HasRole(Role.Manager))
            {
                throw new ConflictException($"user '{username}' is not a manager");
            }

            if (!user.Projects.Contains(project, StringComparer.Ordinal))
            {
                throw new ConflictException($"user '{username}' does not manage project '{project}'");
            }

            return user with { Projects = [.. user.Projects.Where(p => p != project)] };
        }, cancellationToken);

    private async Task<UserAccount> ChangeAsync(Caller caller, string username, Func<UserAccount, UserAccount> change, CancellationToken cancellationToken)
    {
        RequireAdmin(caller, "update users");
        var user = await store.FindAsync(username, cancellationToken) ?? throw UserNotFound(username);
        var updated = change(user);
        await SaveAsync(updated, cancellationToken);
        LogUserUpdated(logger, username, caller.Username);
        return updated;
    }

    private async Task SaveAsync(UserAccount user, CancellationToken cancellationToken)
    {
        if (!await store.UpdateAsync(user, cancellationToken))
        {
            // Deleted between our read and our write.
            throw UserNotFound(user.Username);
        }
    }

    private static void ValidateUsername(string? username)
    {
        if (string.IsNullOrEmpty(username) || username.Length > MaxUsernameLength)
        {
            throw new InvalidInputException($"username must be between 1 and {MaxUsernameLength} characters");
        }

        if (!UsernamePattern().IsMatch(username))
        {
            throw new InvalidInputException($"username '{username}' may contain only letters, digits and . _ @ + - and must not start with a punctuation mark");
        }
    }

    private static void ValidatePassword(string password)
    {
        // No minimum length: cc-backend's scripts create users such as demo:admin:demo, and they must keep working.
        if (password.Length == 0)
        {
            throw new InvalidInputException("password must not be empty");
        }

        // bcrypt reads at most 72 bytes; anything longer would be silently cut.
        if (System.Text.Encoding.UTF8.GetByteCount(password) > 72)
        {
            throw new InvalidInputException("password must be at most 72 bytes long");
        }
    }

    private static void ValidateEmail(string? email)
    {
        if (!string.IsNullOrWhiteSpace(email) && (email.Length > 254 || email.IndexOf('@', StringComparison.Ordinal) <= 0))
        {
            throw new InvalidInputException($"'{email}' is not an email address");
        }
    }

    private static Role ParseRole(string roleName) =>
        RoleNames.TryParse(roleName, out var role)
            ? role
            : throw new InvalidInputException($"'{roleName}' is not a valid role; valid roles are {string.Join(", ", RoleNames.All)}");

    private static IReadOnlyList<string> NormaliseProjects(IEnumerable<string> projects) =>
        [.. projects.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static IReadOnlyList<Role> Sorted(IEnumerable<Role> roles) => [.. roles.Distinct().Order()];

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void RequireAdmin(Caller caller, string action)
    {
        if (!AccessRules.CanManageUsers(caller))
        {
            throw new AccessDeniedException($"only admins may {action}");
        }
    }

    private static NotFoundException UserNotFound(string username) => new($"user '{username}' does not exist");

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "User {Username} created by {Actor} with roles {Roles}")]
    private static partial void LogUserCreated(ILogger logger, string username, string actor, IReadOnlyList<Role> roles);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "User {Username} updated by {Actor}")]
    private static partial void LogUserUpdated(ILogger logger, string username, string actor);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "User {Username} deleted by {Actor}")]
    private static partial void LogUserDeleted(ILogger logger, string username, string actor);
}
