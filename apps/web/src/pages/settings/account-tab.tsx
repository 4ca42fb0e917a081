import { api, errorMessage } from '../../api/client.js';
import { Skeleton } from '../../ui/spinner.js';
import { PasswordForm } from './password-form.js';
import { roleLabel } from './roles.js';
import { TotpSection } from './totp-section.js';
import { useLoad } from './use-load.js';

/** The signed-in user's own account: who you are, password, second factor. */
export function AccountTab() {
  const me = useLoad(() => api.account.me(), []);
  const user = me.data?.user;
  return (
    <div className="settings-stack">
      <section className="card settings-section" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        {user ? (
          <dl className="settings-facts">
            <dt>Name</dt>
            <dd>{user.name}</dd>
            <dt>Email</dt>
            <dd>{user.email}</dd>
            <dt>Role</dt>
            <dd>{roleLabel(user.role)}</dd>
          </dl>
        ) : me.error !== undefined ? (
          <p className="alert alert-error" role="alert">
            Could not load your account: {errorMessage(me.error)}
          </p>
        ) : (
          <Skeleton width={240} height={60} />
        )}
      </section>
      <PasswordForm email={user?.email ?? ''} />
      {user && (
        <TotpSection
          enabled={user.totpEnabled}
          onChange={(enabled) => me.setData((d) => d && { user: { ...d.user, totpEnabled: enabled } })}
        />
      )}
    </div>
  );
}
