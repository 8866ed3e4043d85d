-- The export sent as an attachment for a request by e-mail (issue 10.9); cleared once the message is sent.
ALTER TABLE "MailMessage" ADD COLUMN "attachments" TEXT;
