export const UNREAD_COUNT = 'query UnreadNotificationsCount { unreadNotificationsCount }';
export const RECENT_NOTIFICATIONS = `query RecentNotifications {
  allNotifications(perPage: 8, sortField: "createdAt", sortOrder: "DESC") {
    id kind subject message readAt createdAt assignment { id }
  }
}`;
export const MARK_READ = 'mutation MarkNotificationsRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) }';

export interface NotificationItem {
  id: string;
  kind: string;
  subject: string;
  message: string;
  readAt: string | null;
  createdAt: string;
  assignment: { id: string } | null;
}

/** How often the bell asks for the unread count. */
export const POLL_MS = 30_000;
