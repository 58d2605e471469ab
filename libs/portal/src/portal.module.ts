import { Module } from '@nestjs/common';
import { DownloadsController } from './downloads/downloads.controller';
import { FeedsController } from './feeds/feeds.controller';
import { PortalController } from './portal.controller';
import { PublicGraphql } from './public-graphql';

/** The public transparency portal (served by the API at `/`). Needs the GraphQL server module (its schema). */
@Module({ controllers: [PortalController, FeedsController, DownloadsController], providers: [PublicGraphql] })
export class PortalModule {}
